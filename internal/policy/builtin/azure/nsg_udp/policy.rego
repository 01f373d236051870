# METADATA
# title: Network security group allows UDP from the internet
# description: |
#   UDP services facing the internet (DNS, NTP, SNMP, CLDAP, SSDP,
#   Memcached) are abused as reflectors and amplifiers in denial-of-service
#   attacks against others, and UDP carries no handshake that would let the
#   service tell a spoofed source from a real one. A rule counts when it
#   allows inbound UDP from "*", "Internet", "Any" or 0.0.0.0/0 to any port,
#   or allows any protocol from there to a port of the amplification list.
#   Rules are read from azurerm_network_security_group security_rule
#   blocks, azurerm_network_security_rule, and ARM network security groups
#   (securityRules) and their securityRules child resources. Rules open on
#   every port are ONUS-AZ-003.
# related_resources:
#   - ref: https://learn.microsoft.com/en-us/azure/ddos-protection/ddos-protection-overview
# custom:
#   id: ONUS-AZ-012
#   severity: medium
#   category: network-exposure
#   layer: network
#   targets:
#     - kind: terraform
#       types: [azurerm_network_security_group, azurerm_network_security_rule]
#     - kind: arm
#       types: ["Microsoft.Network/networkSecurityGroups", "Microsoft.Network/networkSecurityGroups/securityRules"]
#   controls:
#     cis-azure: ["6.3"]
#     nist-800-53: ["CM-7", "SC-5", "SC-7"]
#     csa-ccm: ["IVS-03", "IVS-09"]
#   params:
#     ports:
#       default: [53, 123, 161, 389, 1900, 5353, 11211]
#       description: UDP ports abused for reflection and amplification, checked on rules for any protocol
#   remediation: |
#     Set the rule's protocol to the one the service needs (protocol in
#     Terraform, properties.protocol in ARM), and allow UDP only from the
#     addresses that use the service; put public DNS and NTP behind Azure
#     DNS or a managed service rather than a VM.
package onus.azure.nsg_udp

import data.onus.lib.azure.network as nsg
import data.onus.lib.ports

rules := nsg.inbound_allow(input.resource)

deny contains {
	"msg": sprintf("%s admits UDP %s from %s", [nsg.describe(x), ports.text(nsg.ranges(x)), s.prefix]),
	"paths": nsg.result_paths(x, s),
} if {
	some x in rules
	nsg.protocol(x) == "udp"
	some s in nsg.open_sources(x)
	not nsg.all_ports(x)
	count(nsg.ranges(x)) > 0
}

deny contains {
	"msg": sprintf("%s admits any protocol, UDP included, to %s from %s", [nsg.describe(x), ports.describe(hit), s.prefix]),
	"paths": nsg.result_paths(x, s),
} if {
	some x in rules
	nsg.protocol(x) == "all"
	some s in nsg.open_sources(x)
	not nsg.all_ports(x)
	hit := nsg.covered(x, input.params.ports)
	count(hit) > 0
}

# An unknown source on a UDP rule, or an unknown protocol or ports on a
# rule open to the internet: undetermined.
deny contains {"msg": "the rule's source is unknown until deployment", "path": p} if {
	count(input.resource.unknown) > 0
	some x in rules
	udp_or_unknown(x)
	some p in nsg.unknown_sources(input.resource, x)
}

deny contains {"msg": "the rule's protocol or ports are unknown until deployment", "paths": nsg.result_paths(x, s)} if {
	count(input.resource.unknown) > 0
	some x in rules
	some s in nsg.open_sources(x)
	nsg.fields_unknown(input.resource, x)
}

deny contains {"msg": "the security rules are unknown until deployment", "path": p} if {
	p := nsg.rules_unknown(input.resource)
}

udp_or_unknown(x) if nsg.protocol(x) == "udp"

udp_or_unknown(x) if {
	nsg.protocol(x) == "all"
	count(nsg.covered(x, input.params.ports)) > 0
}

udp_or_unknown(x) if nsg.fields_unknown(input.resource, x)
