package onus.lib.azure.network_test

import data.onus.lib.azure.fixture as fx
import data.onus.lib.azure.network as nsg
import data.onus.lib.ports

test_parse if {
	ports.parse("22") == {"from": 22, "to": 22}
	ports.parse("1000 - 2000") == {"from": 1000, "to": 2000}
	ports.parse("*") == {"from": 0, "to": 65535}
	ports.parse(3389) == {"from": 3389, "to": 3389}
	not ports.parse("VirtualNetwork")
}

test_rules_of_every_shape if {
	tf := fx.tf("azurerm_network_security_group", "n", {"security_rule": [{"name": "a"}, {"name": "b"}]})
	[a, b] := nsg.rules(tf)
	a.base == "security_rule[0]."
	b.name == "b"
	sep := fx.tf("azurerm_network_security_rule", "r", {"name": "ssh"})
	[s] := nsg.rules(sep)
	nsg.path(s, "src") == "source_address_prefix"
	arm := fx.arm("Microsoft.Network/networkSecurityGroups", "n", {"securityRules": [{"name": "a", "properties": {"sourceAddressPrefix": "*"}}]})
	[x] := nsg.rules(arm)
	nsg.path(x, "src") == "securityRules[0].properties.sourceAddressPrefix"
	child := fx.arm("Microsoft.Network/networkSecurityGroups/securityRules", "n/ssh", {})
	[c] := nsg.rules(child)
	c.name == "ssh"
	count(nsg.rules(fx.tf("azurerm_subnet", "s", {}))) == 0
}

test_open_sources if {
	x := {"name": "r", "base": "", "k": nsg.keys.arm, "rule": {"sourceAddressPrefix": "10.0.0.0/8", "sourceAddressPrefixes": ["Internet", "10.1.0.0/16", "::/0"]}}
	[a, b] := nsg.open_sources(x)
	a.path == "sourceAddressPrefixes[0]"
	b.prefix == "::/0"
}

test_protocol_and_ranges if {
	x := {"name": "r", "base": "", "k": nsg.keys.terraform, "rule": {"protocol": "Asterisk", "destination_port_range": "20-25", "destination_port_ranges": ["3389"]}}
	nsg.protocol(x) == "all"
	nsg.covered(x, [22, 3389, 443]) == [22, 3389]
	not nsg.all_ports(x)
	icmp := {"name": "r", "base": "", "k": nsg.keys.terraform, "rule": {"protocol": "Icmp", "destination_port_range": "*"}}
	nsg.covered(icmp, [22]) == []
}
