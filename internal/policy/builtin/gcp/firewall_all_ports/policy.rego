# METADATA
# title: Firewall rule allows internet ingress on every port
# description: |
#   A rule that admits every protocol (protocol "all"), or every port of
#   TCP, UDP or SCTP (no ports listed, or 0-65535), from 0.0.0.0/0 or ::/0
#   exposes every service the targeted instances run, including the ones
#   nobody meant to publish: debug endpoints, admin consoles, databases.
#   An enabled ingress google_compute_firewall rule counts when its
#   source_ranges hold the internet or when it names no source at all.
# related_resources:
#   - ref: https://cloud.google.com/firewall/docs/firewalls
# custom:
#   id: ONUS-GCP-006
#   severity: critical
#   category: network-exposure
#   layer: network
#   targets:
#     - kind: terraform
#       types: [google_compute_firewall]
#   controls:
#     cis-gcp: ["3.6", "3.7"]
#     nist-800-53: ["AC-4", "CM-7", "SC-7", "SC-7(5)"]
#     csa-ccm: ["IVS-03", "IVS-09"]
#   remediation: |
#     List in the allow blocks only the protocols and ports the service
#     needs, and restrict source_ranges to the networks that use it.
package onus.gcp.firewall_all_ports

import data.onus.lib.gcp.firewall

deny contains result if {
	some s in firewall.open_sources(input.resource)
	some a in firewall.allows(input.resource)
	firewall.all_ports(a)
	result := {
		"msg": sprintf("firewall rule admits %s from %s", [scope(a), s.cidr]),
		"paths": array.concat(s.paths, a.paths),
	}
}

# Unknown sources on a rule open on every port, or unknown protocols and
# ports on a rule open to the internet: undetermined.
deny contains {"msg": "the rule's sources are unknown until apply", "path": p} if {
	some p in firewall.unknown_sources(input.resource)
	some a in firewall.allows(input.resource)
	firewall.all_ports(a)
}

deny contains {"msg": "the rule's protocols and ports are unknown until apply", "paths": array.concat(s.paths, [p])} if {
	some s in firewall.open_sources(input.resource)
	some p in firewall.unknown_allows(input.resource)
}

scope(a) := "every protocol and port" if a.protocol == "all"

scope(a) := sprintf("every %s port", [a.protocol]) if a.protocol != "all"
