package onus.azure.nsg_service_ports_test

import data.onus.azure.nsg_service_ports
import data.onus.lib.azure.fixture as fx

params := {"ports": [1433, 3306, 5432, 6379, 9200, 9300, 27017]}

deny(r) := d if {
	d := nsg_service_ports.deny with input.resource as r with input.params as params
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

test_elasticsearch_range_from_internet if {
	[f] := [f | some f in deny(nsg([rule({"destination_port_range": "9200-9300", "source_address_prefix": "Internet"})]))]
	f.paths[0] == "security_rule[0].source_address_prefix"
	contains(f.msg, "Elasticsearch (9200)")
	contains(f.msg, "Elasticsearch transport (9300)")
}

test_wide_range_counts if {
	[f] := [f | some f in deny(nsg([rule({"destination_port_range": "1000-2000", "source_address_prefix": "Any"})]))]
	contains(f.msg, "SQL Server (1433)")
}

test_port_list_and_source_list if {
	r := fx.tf("azurerm_network_security_rule", "db", rule({"destination_port_ranges": ["443", "5432"], "source_address_prefixes": ["0.0.0.0/0"]}))
	[f] := [f | some f in deny(r)]
	f.paths[0] == "source_address_prefixes[0]"
	contains(f.msg, "PostgreSQL (5432)")
}

test_one_result_per_open_source if {
	count(deny(nsg([rule({"destination_port_range": "6379", "source_address_prefixes": ["*", "Internet"]})]))) == 2
}

test_private_source_allowed if {
	count(deny(nsg([rule({"destination_port_range": "1433", "source_address_prefix": "VirtualNetwork"})]))) == 0
}

test_admin_port_not_reported if {
	count(deny(nsg([rule({"destination_port_range": "22", "source_address_prefix": "*"})]))) == 0
}

test_all_ports_left_to_all_ports_policy if {
	count(deny(nsg([rule({"destination_port_range": "*", "source_address_prefix": "*"})]))) == 0
}

test_udp_counts_icmp_not if {
	count(deny(nsg([rule({"protocol": "Udp", "destination_port_range": "9300", "source_address_prefix": "*"})]))) == 1
	count(deny(nsg([rule({"protocol": "Icmp", "destination_port_range": "9300", "source_address_prefix": "*"})]))) == 0
}

test_arm_inline if {
	r := fx.arm("Microsoft.Network/networkSecurityGroups", "es-nsg", {"securityRules": [{"name": "es", "properties": arm_rule({"destinationPortRanges": ["9200", "9300"], "sourceAddressPrefix": "Internet"})}]})
	[f] := [f | some f in deny(r)]
	f.paths[0] == "securityRules[0].properties.sourceAddressPrefix"
}

test_arm_child_resource if {
	r := fx.arm("Microsoft.Network/networkSecurityGroups/securityRules", "es-nsg/mongo", arm_rule({"destinationPortRange": "27017", "sourceAddressPrefix": "*"}))
	[f] := [f | some f in deny(r)]
	f.paths[0] == "sourceAddressPrefix"
	contains(f.msg, `rule "mongo"`)
}

test_arm_unknown_source_undetermined if {
	r := fx.unknown(fx.arm("Microsoft.Network/networkSecurityGroups/securityRules", "es-nsg/es", arm_rule({"destinationPortRange": "9200"})), ["sourceAddressPrefix"])
	[f] := [f | some f in deny(r)]
	f.path == "sourceAddressPrefix"
}

test_unknown_ports_undetermined if {
	r := fx.unknown(fx.arm("Microsoft.Network/networkSecurityGroups/securityRules", "es-nsg/es", arm_rule({"sourceAddressPrefix": "Internet"})), ["destinationPortRange"])
	[f] := [f | some f in deny(r)]
	"destinationPortRange" in f.paths
}

test_unknown_access_undetermined if {
	r := fx.unknown(nsg([object.remove(rule({"destination_port_range": "1433", "source_address_prefix": "*"}), ["access"])]), ["security_rule[0].access"])
	[f] := [f | some f in deny(r)]
	"security_rule[0].access" in f.paths
}
