package onus.kubernetes.proc_mount_test

import data.onus.kubernetes.proc_mount as policy

pod(sc) := {"kind": "kubernetes", "type": "Pod", "pod": {
	"path": "spec",
	"spec": {},
	"containers": [{"name": "app", "kind": "initContainer", "path": "spec.initContainers[0]", "container": {"securityContext": sc}}],
}}

test_unmasked if {
	some r in policy.deny with input.resource as pod({"procMount": "Unmasked"})
	r.path == "spec.initContainers[0].securityContext.procMount"
}

test_default if {
	count(policy.deny) == 0 with input.resource as pod({"procMount": "Default"})
}

test_unset if {
	count(policy.deny) == 0 with input.resource as pod({})
}
