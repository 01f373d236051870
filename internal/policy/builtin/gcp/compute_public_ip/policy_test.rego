package onus.gcp.compute_public_ip_test

import data.onus.gcp.compute_public_ip as policy
import data.onus.lib.gcp.fixture as fx

vm(nis) := fx.tf("google_compute_instance", "vm", {"name": "vm", "network_interface": nis})

test_access_config if {
	[f] := [f | some f in policy.deny with input.resource as vm([{"network": "default", "access_config": [{}]}])]
	f.path == "network_interface[0].access_config"
	contains(f.msg, "IPv4")
}

test_ipv6 if {
	[f] := [f | some f in policy.deny with input.resource as vm([{"network": "default", "stack_type": "IPV4_IPV6", "ipv6_access_config": [{"network_tier": "PREMIUM"}]}])]
	contains(f.msg, "IPv6")
}

test_private if {
	count(policy.deny) == 0 with input.resource as vm([{"network": "default"}])
}

test_dynamic_access_config_unknown if {
	r := fx.unknown(vm([{"network": "default"}]), ["network_interface[0].access_config"])
	[f] := [f | some f in policy.deny with input.resource as r]
	f.path == "network_interface[0].access_config"
}

test_unknown_network_ip_ignored if {
	count(policy.deny) == 0 with input.resource as fx.unknown(vm([{"network": "default"}]), ["network_interface[0].network_ip"])
}
