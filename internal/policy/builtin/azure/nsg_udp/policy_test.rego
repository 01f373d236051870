package onus.azure.nsg_udp_test

import data.onus.azure.nsg_udp
import data.onus.lib.azure.fixture as fx

params := {"ports": [53, 123, 161, 389, 1900, 5353, 11211]}

deny(r) := d if {
	d := nsg_udp.deny with input.resource as r with input.params as params
}

rule(extra) := object.union(
	{"name": "r", "direction": "Inbound", "access": "Allow", "protocol": "Udp", "source_port_range": "*"},
	extra,
)

nsg(rules) := fx.tf("azurerm_network_security_group", "edge", {"security_rule": rules})

test_udp_from_internet if {
	[f] := [f | some f in deny(nsg([rule({"destination_port_range": "5000-5100", "source_address_prefix": "Internet"})]))]
	f.paths[0] == "security_rule[0].source_address_prefix"
	contains(f.msg, "UDP ports 5000-5100")
}

test_any_protocol_to_amplification_port if {
	[f] := [f | some f in deny(nsg([rule({"protocol": "*", "destination_port_range": "53", "source_address_prefix": "*"})]))]
	contains(f.msg, "port 53")
}

test_any_protocol_to_other_port_passes if {
	count(deny(nsg([rule({"protocol": "*", "destination_port_range": "443", "source_address_prefix": "*"})]))) == 0
}

test_tcp_private_deny_pass if {
	count(deny(nsg([
		rule({"protocol": "Tcp", "destination_port_range": "53", "source_address_prefix": "*"}),
		rule({"destination_port_range": "53", "source_address_prefix": "10.0.0.0/8"}),
		rule({"access": "Deny", "destination_port_range": "53", "source_address_prefix": "*"}),
	]))) == 0
}

test_all_ports_left_to_all_ports_policy if {
	count(deny(nsg([rule({"destination_port_range": "*", "source_address_prefix": "*"})]))) == 0
}

test_arm_inline_and_child if {
	inline := fx.arm("Microsoft.Network/networkSecurityGroups", "edge", {"securityRules": [{"name": "ntp", "properties": {"direction": "Inbound", "access": "Allow", "protocol": "Udp", "destinationPortRange": "123", "sourceAddressPrefix": "Internet"}}]})
	[f] := [f | some f in deny(inline)]
	f.paths[0] == "securityRules[0].properties.sourceAddressPrefix"
	child := fx.arm("Microsoft.Network/networkSecurityGroups/securityRules", "edge/ssdp", {"direction": "Inbound", "access": "Allow", "protocol": "*", "destinationPortRanges": ["1900"], "sourceAddressPrefixes": ["Any"]})
	[g] := [g | some g in deny(child)]
	g.paths[0] == "sourceAddressPrefixes[0]"
}

test_unknown_protocol_undetermined if {
	r := fx.unknown(nsg([object.remove(rule({"destination_port_range": "5000", "source_address_prefix": "*"}), ["protocol"])]), ["security_rule[0].protocol"])
	fs := [f | some f in deny(r)]
	count(fs) > 0
	every f in fs {
		"security_rule[0].protocol" in f.paths
	}
}

test_unknown_source_undetermined if {
	r := fx.unknown(nsg([rule({"destination_port_range": "53"})]), ["security_rule[0].source_address_prefix"])
	[f] := [f | some f in deny(r)]
	f.path == "security_rule[0].source_address_prefix"
}
