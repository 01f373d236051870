package onus.azure.nsg_all_ports_test

import data.onus.azure.nsg_all_ports
import data.onus.lib.azure.fixture as fx

deny(r) := d if {
	d := nsg_all_ports.deny with input.resource as r
}

rule(extra) := object.union(
	{"name": "r", "direction": "Inbound", "access": "Allow", "protocol": "*", "source_port_range": "*"},
	extra,
)

nsg(rules) := fx.tf("azurerm_network_security_group", "app", {"security_rule": rules})

arm_rule(extra) := object.union(
	{"direction": "Inbound", "access": "Allow", "protocol": "*", "sourcePortRange": "*"},
	extra,
)

test_star_ports_from_star if {
	[f] := [f | some f in deny(nsg([rule({"destination_port_range": "*", "source_address_prefix": "*"})]))]
	f.paths[0] == "security_rule[0].source_address_prefix"
	contains(f.msg, "all TCP and UDP ports")
}

test_full_range_tcp if {
	[f] := [f | some f in deny(nsg([rule({"protocol": "Tcp", "destination_port_range": "0-65535", "source_address_prefix": "Internet"})]))]
	contains(f.msg, "all TCP ports")
}

test_full_range_in_list if {
	r := fx.tf("azurerm_network_security_rule", "all", rule({"destination_port_ranges": ["443", "1-65535"], "source_address_prefixes": ["0.0.0.0/0"]}))
	[f] := [f | some f in deny(r)]
	f.paths[0] == "source_address_prefixes[0]"
}

test_wide_range_not_all if {
	count(deny(nsg([rule({"destination_port_range": "1-65000", "source_address_prefix": "*"})]))) == 0
}

test_private_source_allowed if {
	count(deny(nsg([rule({"destination_port_range": "*", "source_address_prefix": "10.0.0.0/8"})]))) == 0
}

test_deny_outbound_icmp_ignored if {
	count(deny(nsg([
		rule({"access": "Deny", "destination_port_range": "*", "source_address_prefix": "*"}),
		rule({"direction": "Outbound", "destination_port_range": "*", "source_address_prefix": "*"}),
		rule({"protocol": "Icmp", "destination_port_range": "*", "source_address_prefix": "*"}),
	]))) == 0
}

test_arm_inline_and_child if {
	inline := fx.arm("Microsoft.Network/networkSecurityGroups", "nsg", {"securityRules": [{"name": "all", "properties": arm_rule({"destinationPortRange": "*", "sourceAddressPrefix": "Internet"})}]})
	[f] := [f | some f in deny(inline)]
	f.paths[0] == "securityRules[0].properties.sourceAddressPrefix"
	child := fx.arm("Microsoft.Network/networkSecurityGroups/securityRules", "nsg/all", arm_rule({"destinationPortRange": "*", "sourceAddressPrefix": "Any"}))
	[g] := [g | some g in deny(child)]
	g.paths[0] == "sourceAddressPrefix"
}

test_unknown_source_undetermined if {
	r := fx.unknown(nsg([rule({"destination_port_range": "*"})]), ["security_rule[0].source_address_prefix"])
	[f] := [f | some f in deny(r)]
	f.path == "security_rule[0].source_address_prefix"
}

test_arm_unknown_rules_undetermined if {
	r := fx.unknown(fx.arm("Microsoft.Network/networkSecurityGroups", "nsg", {}), ["securityRules"])
	[f] := [f | some f in deny(r)]
	f.path == "securityRules"
}

test_unknown_source_and_ports_undetermined if {
	r := fx.unknown(nsg([rule({})]), ["security_rule[0].source_address_prefix", "security_rule[0].destination_port_range"])
	[f] := [f | some f in deny(r)]
	f.path == "security_rule[0].source_address_prefix"
}
