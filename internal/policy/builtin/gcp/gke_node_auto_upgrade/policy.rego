# METADATA
# title: GKE node pool does not upgrade or repair itself
# description: |
#   Node auto-upgrade keeps node pools on the patched node images of their
#   release channel; auto-repair replaces nodes that fail health checks.
#   With either turned off, nodes keep running kernels and container
#   runtimes with known vulnerabilities until someone upgrades them by
#   hand. Both are on by default for google_container_node_pool; a
#   management block that sets auto_upgrade or auto_repair to false turns
#   them off.
# related_resources:
#   - ref: https://cloud.google.com/kubernetes-engine/docs/how-to/node-auto-upgrades
#   - ref: https://cloud.google.com/kubernetes-engine/docs/how-to/node-auto-repair
# custom:
#   id: ONUS-GCP-032
#   severity: medium
#   category: vulnerability
#   layer: operating-system
#   targets:
#     - kind: terraform
#       types: [google_container_node_pool]
#   controls:
#     nist-800-53: ["SI-2", "SI-2(2)"]
#     csa-ccm: ["TVM-07"]
#   remediation: |
#     Remove auto_upgrade = false and auto_repair = false from the node
#     pool's management block, enroll the cluster in a release channel, and
#     use maintenance windows and exclusions to control when upgrades run.
package onus.gcp.gke_node_auto_upgrade

import data.onus.lib.gcp

deny contains {"msg": sprintf("%s is off for the node pool", [name]), "path": sprintf("management[0].%s", [setting])} if {
	some setting, name in {"auto_upgrade": "node auto-upgrade", "auto_repair": "node auto-repair"}
	object.get(input.resource.attrs, ["management", 0, setting], true) == false
}

# A management setting known only at apply may be false: undetermined.
deny contains {"msg": "the node pool's management settings are unknown until apply", "path": p} if {
	count(input.resource.unknown) > 0
	some setting in ["auto_upgrade", "auto_repair"]
	some p in gcp.unknowns(input.resource, sprintf("management[0].%s", [setting]))
}
