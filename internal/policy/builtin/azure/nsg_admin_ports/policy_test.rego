package onus.azure.nsg_admin_ports_test

import data.onus.azure.nsg_admin_ports
import data.onus.lib.azure.fixture as fx

params := {"ports": [22, 3389]}

deny(r) := d if {
	d := nsg_admin_ports.deny with input.resource as r with input.params as params
}

rule(extra) := object.union(
	{"name": "r", "direction": "Inbound", "access": "Allow", "protocol": "Tcp", "source_port_range": "*"},
	extra,
)

nsg(rules) := fx.tf("azurerm_network_security_group", "app", {"security_rule": rules})

arm_rule(extra) := object.union(
	{"direction": "Inbound", "access": "Allow", "protocol": "Tcp", "sourcePortRange": "*"},
	extra,
)

arm_nsg(rules) := fx.arm("Microsoft.Network/networkSecurityGroups", "app-nsg", {"securityRules": [{"name": sprintf("r%d", [i]), "properties": p} | some i, p in rules]})

test_inline_ssh_from_star if {
	[f] := [f | some f in deny(nsg([
		rule({"destination_port_range": "443", "source_address_prefix": "*"}),
		rule({"destination_port_range": "22", "source_address_prefix": "*"}),
	]))]
	f.paths[0] == "security_rule[1].source_address_prefix"
	contains(f.msg, "SSH (22)")
}

test_range_including_rdp_from_internet_list if {
	[f] := [f | some f in deny(nsg([rule({"destination_port_ranges": ["80", "3000-4000"], "source_address_prefixes": ["10.0.0.0/8", "Internet"]})]))]
	f.paths[0] == "security_rule[0].source_address_prefixes[1]"
	contains(f.msg, "RDP (3389)")
	contains(f.msg, "ports 3000-4000")
}

test_separate_rule if {
	r := fx.tf("azurerm_network_security_rule", "ssh", rule({"destination_port_range": "22", "source_address_prefix": "0.0.0.0/0"}))
	[f] := [f | some f in deny(r)]
	f.paths[0] == "source_address_prefix"
}

test_private_source_allowed if {
	count(deny(nsg([rule({"destination_port_range": "22", "source_address_prefix": "10.0.0.0/8"})]))) == 0
}

test_deny_and_outbound_ignored if {
	count(deny(nsg([
		rule({"access": "Deny", "destination_port_range": "22", "source_address_prefix": "*"}),
		rule({"direction": "Outbound", "destination_port_range": "22", "source_address_prefix": "*"}),
	]))) == 0
}

test_icmp_ignored if {
	count(deny(nsg([rule({"protocol": "Icmp", "destination_port_range": "*", "source_address_prefix": "*"})]))) == 0
}

# Rules open on every port belong to ONUS-AZ-003.
test_all_ports_left_to_all_ports_policy if {
	count(deny(nsg([rule({"destination_port_range": "*", "source_address_prefix": "*"})]))) == 0
	count(deny(nsg([rule({"destination_port_range": "0-65535", "source_address_prefix": "*"})]))) == 0
}

test_arm_inline if {
	[f] := [f | some f in deny(arm_nsg([
		arm_rule({"destinationPortRange": "443", "sourceAddressPrefix": "Internet"}),
		arm_rule({"destinationPortRanges": ["22", "8080"], "sourceAddressPrefix": "Internet"}),
	]))]
	f.paths[0] == "securityRules[1].properties.sourceAddressPrefix"
	contains(f.msg, `rule "r1"`)
}

test_arm_child_resource if {
	r := fx.arm("Microsoft.Network/networkSecurityGroups/securityRules", "app-nsg/rdp", arm_rule({"destinationPortRange": "3389", "sourceAddressPrefixes": ["Any"]}))
	[f] := [f | some f in deny(r)]
	f.paths[0] == "sourceAddressPrefixes[0]"
	contains(f.msg, `rule "rdp"`)
}

test_arm_protocol_asterisk if {
	count(deny(arm_nsg([arm_rule({"protocol": "*", "destinationPortRange": "22", "sourceAddressPrefix": "*"})]))) == 1
}

test_params_narrow_ports if {
	r := nsg([rule({"destination_port_range": "3389", "source_address_prefix": "*"})])
	count(nsg_admin_ports.deny) == 0 with input.resource as r with input.params as {"ports": [22]}
}

# An unknown source on a rule that reaches SSH: reported on the unknown
# path, so the engine counts it undetermined rather than passing it.
test_unknown_source_undetermined if {
	r := fx.unknown(nsg([rule({"destination_port_range": "22"})]), ["security_rule[0].source_address_prefix"])
	[f] := [f | some f in deny(r)]
	f.path == "security_rule[0].source_address_prefix"
}

test_arm_unknown_source_undetermined if {
	r := fx.unknown(arm_nsg([arm_rule({"destinationPortRange": "22"})]), ["securityRules[0].properties.sourceAddressPrefix"])
	[f] := [f | some f in deny(r)]
	f.path == "securityRules[0].properties.sourceAddressPrefix"
}

test_unknown_ports_undetermined if {
	r := fx.unknown(nsg([rule({"source_address_prefix": "*"})]), ["security_rule[0].destination_port_range"])
	[f] := [f | some f in deny(r)]
	"security_rule[0].destination_port_range" in f.paths
}

test_unknown_source_on_other_port_passes if {
	r := fx.unknown(nsg([rule({"destination_port_range": "443"})]), ["security_rule[0].source_address_prefix"])
	count(deny(r)) == 0
}

test_rules_unknown_as_a_whole if {
	r := fx.unknown(fx.tf("azurerm_network_security_group", "app", {}), ["security_rule"])
	[f] := [f | some f in deny(r)]
	f.path == "security_rule"
}

test_unknown_source_and_ports_undetermined if {
	r := fx.unknown(nsg([rule({})]), ["security_rule[0].source_address_prefix", "security_rule[0].destination_port_range"])
	[f] := [f | some f in deny(r)]
	f.path == "security_rule[0].source_address_prefix"
}
