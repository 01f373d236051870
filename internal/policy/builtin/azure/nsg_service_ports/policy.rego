# METADATA
# title: Network security group allows internet ingress to database or service ports
# description: |
#   SQL Server (1433), MySQL (3306), PostgreSQL (5432), Elasticsearch (9200,
#   9300), MongoDB (27017) and the other database, cache, search, container
#   and Windows service ports are not built to face the internet: many ship
#   without authentication, and open ones are found and wiped or ransomed
#   within hours. This is the Microsoft 2019 incident: a network security
#   group change left customer-support databases reachable from anywhere.
#   Rules are read from azurerm_network_security_group security_rule blocks,
#   azurerm_network_security_rule, and ARM network security groups and their
#   securityRules child resources; a range that includes one of the ports
#   counts. Rules open on every port are reported by ONUS-AZ-003.
# related_resources:
#   - ref: https://learn.microsoft.com/en-us/azure/virtual-network/network-security-groups-overview
#   - ref: https://msrc.microsoft.com/blog/2020/01/access-misconfiguration-for-customer-support-database/
# custom:
#   id: ONUS-AZ-002
#   severity: high
#   category: network-exposure
#   layer: network
#   targets:
#     - kind: terraform
#       types: [azurerm_network_security_group, azurerm_network_security_rule]
#     - kind: arm
#       types: ["Microsoft.Network/networkSecurityGroups", "Microsoft.Network/networkSecurityGroups/securityRules"]
#   controls:
#     nist-800-53: ["AC-4", "CM-7", "SC-7", "SC-7(5)"]
#     csa-ccm: ["IVS-03", "IVS-09"]
#     pci-dss: ["1.3.1", "1.4.2"]
#   params:
#     ports:
#       default: [23, 135, 139, 445, 1433, 1434, 1521, 2375, 2376, 2379, 2380, 3306, 5432, 5601, 5984, 5985, 5986, 6379, 7000, 7001, 9042, 9160, 9200, 9300, 10250, 11211, 27017, 27018, 27019]
#       description: database, cache, search, container, cluster and Windows service ports
#   remediation: |
#     Allow the port only from the subnets or application security groups of
#     the applications that use the service, or put the database behind a
#     private endpoint; never from "*", "Internet" or 0.0.0.0/0.
package onus.azure.nsg_service_ports

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
