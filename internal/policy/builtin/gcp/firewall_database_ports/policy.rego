# METADATA
# title: Firewall rule allows internet ingress to database ports
# description: |
#   Databases and caches (MySQL 3306, PostgreSQL 5432, SQL Server 1433,
#   Redis 6379, Elasticsearch 9200, MongoDB 27017) reachable from 0.0.0.0/0
#   or ::/0 are found by internet-wide scans and attacked with default or
#   leaked credentials and unauthenticated APIs; several of them accept
#   connections without any password by default. An enabled ingress
#   google_compute_firewall rule counts when its source_ranges hold the
#   internet, or when it names no source at all, and one of its allow
#   blocks opens a port range that includes a database port. Rules open on
#   every port are reported by ONUS-GCP-006 instead.
# related_resources:
#   - ref: https://cloud.google.com/firewall/docs/firewalls
# custom:
#   id: ONUS-GCP-005
#   severity: high
#   category: network-exposure
#   layer: network
#   targets:
#     - kind: terraform
#       types: [google_compute_firewall]
#   controls:
#     nist-800-53: ["AC-4", "CM-7", "SC-7", "SC-7(5)"]
#     csa-ccm: ["IVS-03", "IVS-09"]
#   params:
#     ports: {default: [1433, 3306, 5432, 6379, 9200, 27017], description: database and cache ports}
#   remediation: |
#     Restrict source_ranges to the application subnets that need the
#     database, and connect from elsewhere through a private connection
#     (Private Service Connect, a VPN or an authenticated proxy).
package onus.gcp.firewall_database_ports

import data.onus.lib.gcp.firewall

allows := firewall.allows(input.resource)

deny contains result if {
	some s in firewall.open_sources(input.resource)
	some a in allows
	hit := firewall.covered_ports(a, input.params.ports)
	count(hit) > 0
	result := {
		"msg": sprintf("firewall rule admits %s from %s (%s)", [firewall.describe_ports(hit), s.cidr, firewall.describe_allow(a)]),
		"paths": array.concat(s.paths, a.paths),
	}
}

# Unknown sources on a rule reaching the ports, or unknown protocols and
# ports on a rule open to the internet: undetermined.
deny contains {"msg": "the rule's sources are unknown until apply", "path": p} if {
	some p in firewall.unknown_sources(input.resource)
	some a in allows
	count(firewall.covered_ports(a, input.params.ports)) > 0
}

deny contains {"msg": "the rule's protocols and ports are unknown until apply", "paths": array.concat(s.paths, [p])} if {
	some s in firewall.open_sources(input.resource)
	some p in firewall.unknown_allows(input.resource)
}
