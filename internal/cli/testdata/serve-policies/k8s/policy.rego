# METADATA
# title: Workload has no team label
# custom:
#   id: ACME-K8S-001
#   severity: high
#   category: configuration
#   layer: application
#   targets:
#     - kind: kubernetes
#       types: ["@workload"]
#   remediation: Add a team label.
package acme.k8s.team

import data.acme.lib

deny contains msg if {
	not input.resource.labels[lib.team_label]
	msg := sprintf("%s has no %s label", [input.resource.name, lib.team_label])
}
