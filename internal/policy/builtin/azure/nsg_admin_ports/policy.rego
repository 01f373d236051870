# METADATA
# title: Network security group allows internet ingress to remote administration ports
# description: |
#   SSH (22) and RDP (3389) open to "*", "Internet", "Any" or 0.0.0.0/0
#   expose the login prompt of every virtual machine behind the network
#   security group to the whole internet, where it is scanned and
#   brute-forced within minutes. Rules are read from the inline
#   security_rule blocks of azurerm_network_security_group, from
#   azurerm_network_security_rule, and from ARM templates: the inline
#   securityRules of Microsoft.Network/networkSecurityGroups and
#   .../securityRules child resources. A rule counts when it allows inbound
#   traffic and its destination port range ("22", "1000-4000") or ranges
#   include an administration port; rules open on every port are reported
#   by ONUS-AZ-003 instead.
# related_resources:
#   - ref: https://learn.microsoft.com/en-us/azure/virtual-network/network-security-groups-overview
# custom:
#   id: ONUS-AZ-001
#   severity: high
#   category: network-exposure
#   layer: network
#   targets:
#     - kind: terraform
#       types: [azurerm_network_security_group, azurerm_network_security_rule]
#     - kind: arm
#       types: ["Microsoft.Network/networkSecurityGroups", "Microsoft.Network/networkSecurityGroups/securityRules"]
#   controls:
#     cis-azure: ["6.1", "6.2"]
#     nist-800-53: ["AC-4", "AC-17", "CM-7", "SC-7", "SC-7(5)"]
#     csa-ccm: ["IVS-03", "IVS-09"]
#     pci-dss: ["1.3.1", "1.4.2"]
#   params:
#     ports: {default: [22, 3389], description: remote administration ports}
#   remediation: |
#     Restrict the source to the address ranges of your VPN or a jump host,
#     or remove the rule and reach the machines through Azure Bastion or
#     just-in-time VM access, which open the port only on request.
package onus.azure.nsg_admin_ports

import data.onus.lib.azure.network as nsg
import data.onus.lib.ports

rules := nsg.inbound_allow(input.resource)

deny contains result if {
	some x in rules
	some s in nsg.open_sources(x)
	not nsg.all_ports(x)
	hit := nsg.covered(x, input.params.ports)
	count(hit) > 0
	result := {
		"msg": sprintf("%s admits %s from %s (%s)", [nsg.describe(x), ports.describe(hit), s.prefix, ports.text(nsg.ranges(x))]),
		"paths": nsg.result_paths(x, s),
	}
}

# Unknown sources on a rule reaching the ports, unknown ports on a rule open
# to the internet, or inline rules unknown as a whole: reported on the
# unknown paths, which the engine counts as undetermined.
deny contains {"msg": "the rule's source is unknown until deployment", "path": p} if {
	count(input.resource.unknown) > 0
	some x in rules
	some p in nsg.unknown_sources(input.resource, x)
	reaches_or_unknown(x)
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

# A rule whose source is unknown counts when it reaches the ports, or when
# its ports or protocol are unknown too.
reaches_or_unknown(x) if count(nsg.covered(x, input.params.ports)) > 0

reaches_or_unknown(x) if nsg.fields_unknown(input.resource, x)
