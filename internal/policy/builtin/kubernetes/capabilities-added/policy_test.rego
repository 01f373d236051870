package onus.kubernetes.capabilities_added_test

import data.onus.kubernetes.capabilities_added as policy

pod(add) := {"kind": "kubernetes", "type": "Pod", "pod": {
	"path": "spec",
	"spec": {},
	"containers": [{"name": "app", "kind": "container", "path": "spec.containers[0]", "container": {"securityContext": {"capabilities": {"add": add}}}}],
}}

test_sys_admin_is_critical if {
	some r in policy.deny with input.resource as pod(["CAP_SYS_ADMIN"])
	r.severity == "critical"
	r.path == "spec.containers[0].securityContext.capabilities.add[0]"
}

test_net_admin_is_high if {
	{r.severity | some r in policy.deny} == {"high"} with input.resource as pod(["NET_ADMIN"])
}

test_default_set_is_medium if {
	{r.severity | some r in policy.deny} == {"medium"} with input.resource as pod(["chown"])
}

test_net_bind_service_passes if {
	count(policy.deny) == 0 with input.resource as pod(["NET_BIND_SERVICE"])
}

test_allowed_parameter if {
	count(policy.deny) == 0 with input.resource as pod(["NET_ADMIN"]) with input.params.allowed as ["net_admin"]
}
