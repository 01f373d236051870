package onus.kubernetes.read_only_root_filesystem_test

import data.onus.kubernetes.read_only_root_filesystem as policy

pod(kind, sc) := {"kind": "kubernetes", "type": "Pod", "pod": {
	"path": "spec",
	"spec": {},
	"containers": [{"name": "app", "kind": kind, "path": "spec.containers[0]", "container": {"securityContext": sc}}],
}}

test_missing if {
	some r in policy.deny with input.resource as pod("container", {})
	r.path == "spec.containers[0].securityContext.readOnlyRootFilesystem"
}

test_false if {
	count(policy.deny) == 1 with input.resource as pod("initContainer", {"readOnlyRootFilesystem": false})
}

test_true_passes if {
	count(policy.deny) == 0 with input.resource as pod("container", {"readOnlyRootFilesystem": true})
}

test_ephemeral_skipped if {
	count(policy.deny) == 0 with input.resource as pod("ephemeralContainer", {})
}
