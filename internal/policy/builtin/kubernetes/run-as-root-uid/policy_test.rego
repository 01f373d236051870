package onus.kubernetes.run_as_root_uid_test

import data.onus.kubernetes.run_as_root_uid as policy

pod(pod_sc, sc) := {"kind": "kubernetes", "type": "Pod", "pod": {
	"path": "spec",
	"spec": {"securityContext": pod_sc},
	"containers": [{"name": "app", "kind": "container", "path": "spec.containers[0]", "container": {"securityContext": sc}}],
}}

test_pod_level_zero if {
	some r in policy.deny with input.resource as pod({"runAsUser": 0}, {})
	r.path == "spec.securityContext.runAsUser"
}

test_container_overrides_pod if {
	count(policy.deny) == 0 with input.resource as pod({"runAsUser": 0}, {"runAsUser": 1000})
}

test_container_zero if {
	some r in policy.deny with input.resource as pod({"runAsUser": 1000}, {"runAsUser": 0})
	r.path == "spec.containers[0].securityContext.runAsUser"
}

test_unset_passes if {
	count(policy.deny) == 0 with input.resource as pod({}, {})
}
