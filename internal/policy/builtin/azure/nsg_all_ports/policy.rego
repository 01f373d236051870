# METADATA
# title: Network security group allows all traffic from the internet
# description: |
#   An inbound allow rule from "*", "Internet", "Any" or 0.0.0.0/0 whose
#   destination port range is "*" or 0-65535 exposes every service the
#   machines behind the network security group run, including
#   administration and database ports and whatever is started later. Rules
#   are read from azurerm_network_security_group security_rule blocks,
#   azurerm_network_security_rule, and ARM network security groups and their
#   securityRules child resources.
# related_resources:
#   - ref: https://learn.microsoft.com/en-us/azure/virtual-network/network-security-groups-overview
# custom:
#   id: ONUS-AZ-003
#   severity: critical
#   category: network-exposure
#   layer: network
#   targets:
#     - kind: terraform
#       types: [azurerm_network_security_group, azurerm_network_security_rule]
#     - kind: arm
#       types: ["Microsoft.Network/networkSecurityGroups", "Microsoft.Network/networkSecurityGroups/securityRules"]
#   controls:
#     cis-azure: ["6.1", "6.2", "6.3", "6.4"]
#     nist-800-53: ["AC-4", "CM-7", "SC-7", "SC-7(5)"]
#     csa-ccm: ["IVS-03", "IVS-09"]
#     pci-dss: ["1.3.1", "1.4.2"]
#   remediation: |
#     Allow only the ports the service needs (443 for a web front end), from
#     the sources that need them.
package onus.azure.nsg_all_ports

import data.onus.lib.azure.network as nsg

rules := nsg.inbound_allow(input.resource)

deny contains result if {
	some x in rules
	some s in nsg.open_sources(x)
	nsg.all_ports(x)
	result := {
		"msg": sprintf("%s admits all %s ports from %s", [nsg.describe(x), protocol_text(x), s.prefix]),
		"paths": nsg.result_paths(x, s),
	}
}

deny contains {"msg": "the rule's source is unknown until deployment", "path": p} if {
	count(input.resource.unknown) > 0
	some x in rules
	all_or_unknown(x)
	some p in nsg.unknown_sources(input.resource, x)
}

deny contains {"msg": "the rule's ports are unknown until deployment", "paths": nsg.result_paths(x, s)} if {
	count(input.resource.unknown) > 0
	some x in rules
	some s in nsg.open_sources(x)
	nsg.fields_unknown(input.resource, x)
}

deny contains {"msg": "the security rules are unknown until deployment", "path": p} if {
	p := nsg.rules_unknown(input.resource)
}

protocol_text(x) := "TCP and UDP" if nsg.protocol(x) == "all"

protocol_text(x) := upper(nsg.protocol(x)) if nsg.protocol(x) != "all"

all_or_unknown(x) if nsg.all_ports(x)

all_or_unknown(x) if nsg.fields_unknown(input.resource, x)
