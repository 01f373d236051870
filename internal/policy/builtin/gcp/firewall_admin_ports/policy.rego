# METADATA
# title: Firewall rule allows internet ingress to remote administration ports
# description: |
#   SSH (22) and RDP (3389) open to 0.0.0.0/0 or ::/0 expose the login
#   prompt of every instance the rule targets to the whole internet, where
#   it is scanned and brute-forced within minutes. An enabled ingress
#   google_compute_firewall rule counts when its source_ranges hold the
#   internet, or when it names no source at all (Google Cloud then applies
#   it to 0.0.0.0/0), and one of its allow blocks opens a port range that
#   includes an administration port. Rules open on every port are reported
#   by ONUS-GCP-006 instead.
# related_resources:
#   - ref: https://cloud.google.com/firewall/docs/firewalls
#   - ref: https://cloud.google.com/iap/docs/using-tcp-forwarding
# custom:
#   id: ONUS-GCP-004
#   severity: high
#   category: network-exposure
#   layer: network
#   targets:
#     - kind: terraform
#       types: [google_compute_firewall]
#   controls:
#     cis-gcp: ["3.6", "3.7"]
#     nist-800-53: ["AC-4", "CM-7", "SC-7", "SC-7(5)"]
#     csa-ccm: ["IVS-03", "IVS-09"]
#   params:
#     ports: {default: [22, 3389], description: remote administration ports}
#   remediation: |
#     Restrict source_ranges to the ranges of your VPN or bastion, or
#     reach instances through Identity-Aware Proxy TCP forwarding: allow
#     only 35.235.240.0/20, the range IAP connects from.
package onus.gcp.firewall_admin_ports

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
# ports on a rule open to the internet: reported on the unknown paths,
# which the engine counts as undetermined.
deny contains {"msg": "the rule's sources are unknown until apply", "path": p} if {
	some p in firewall.unknown_sources(input.resource)
	some a in allows
	count(firewall.covered_ports(a, input.params.ports)) > 0
}

deny contains {"msg": "the rule's protocols and ports are unknown until apply", "paths": array.concat(s.paths, [p])} if {
	some s in firewall.open_sources(input.resource)
	some p in firewall.unknown_allows(input.resource)
}
