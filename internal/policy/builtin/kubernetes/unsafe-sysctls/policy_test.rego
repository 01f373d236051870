package onus.kubernetes.unsafe_sysctls_test

import data.onus.kubernetes.unsafe_sysctls as policy

pod(sysctls) := {"kind": "kubernetes", "type": "Pod", "pod": {"path": "spec", "spec": {"securityContext": {"sysctls": sysctls}}, "containers": []}}

test_unsafe if {
	some r in policy.deny with input.resource as pod([{"name": "net.ipv4.tcp_syncookies", "value": "1"}, {"name": "kernel.msgmax", "value": "65536"}])
	r.path == "spec.securityContext.sysctls[1].name"
}

test_slash_form_is_recognised if {
	count(policy.deny) == 0 with input.resource as pod([{"name": "net/ipv4/ip_local_port_range", "value": "1024 65535"}])
}

test_allowed if {
	count(policy.deny) == 0 with input.resource as pod([{"name": "net.core.somaxconn", "value": "1024"}]) with input.params.allowed as ["net.core.somaxconn"]
}
