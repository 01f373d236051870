package onus.kubernetes.selinux_test

import data.onus.kubernetes.selinux as policy

pod(pod_sc, sc) := {"kind": "kubernetes", "type": "Pod", "pod": {
	"path": "spec",
	"spec": {"securityContext": pod_sc},
	"containers": [{"name": "app", "kind": "container", "path": "spec.containers[0]", "container": {"securityContext": sc}}],
}}

test_spc_t if {
	some r in policy.deny with input.resource as pod({"seLinuxOptions": {"type": "spc_t"}}, {})
	r.path == "spec.securityContext.seLinuxOptions.type"
}

test_user if {
	some r in policy.deny with input.resource as pod({}, {"seLinuxOptions": {"user": "system_u"}})
	r.path == "spec.containers[0].securityContext.seLinuxOptions.user"
}

test_container_type_and_level_pass if {
	count(policy.deny) == 0 with input.resource as pod({"seLinuxOptions": {"type": "container_t", "level": "s0:c123,c456"}}, {})
}
