package onus.kubernetes.privileged_test

import data.onus.kubernetes.privileged

pod(sc) := {"kind": "kubernetes", "type": "Pod", "pod": {
	"path": "spec",
	"spec": {},
	"containers": [{"name": "app", "kind": "container", "path": "spec.containers[0]", "container": {"name": "app", "securityContext": sc}}],
}}

test_privileged_denied if {
	some r in privileged.deny with input.resource as pod({"privileged": true})
	r.path == "spec.containers[0].securityContext.privileged"
}

test_unprivileged_allowed if {
	count(privileged.deny) == 0 with input.resource as pod({"privileged": false})
}
