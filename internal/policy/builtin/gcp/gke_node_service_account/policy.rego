# METADATA
# title: GKE nodes run as the Compute Engine default service account
# description: |
#   Nodes that run as the Compute Engine default service account carry its
#   project-wide Editor role (unless the organization removed it), so a
#   container that reaches the node's credentials can change most
#   resources of the project. Node pools (google_container_node_pool) and
#   the default node pool of a cluster (google_container_cluster
#   node_config, unless remove_default_node_pool is true or the cluster is
#   Autopilot) are read; a node_config without service_account, or one set
#   to "default", uses the default service account.
# related_resources:
#   - ref: https://cloud.google.com/kubernetes-engine/docs/how-to/hardening-your-cluster#use_least_privilege_sa
# custom:
#   id: ONUS-GCP-016
#   severity: medium
#   category: identity
#   layer: data-access
#   targets:
#     - kind: terraform
#       types: [google_container_cluster, google_container_node_pool]
#   controls:
#     nist-800-53: ["AC-6", "AC-6(1)"]
#     csa-ccm: ["IAM-05"]
#   remediation: |
#     Create a dedicated service account with only roles/container.defaultNodeServiceAccount
#     (or logging.logWriter, monitoring.metricWriter and
#     monitoring.viewer) and set node_config { service_account = ... } on
#     every node pool.
package onus.gcp.gke_node_service_account

import data.onus.lib.gcp

r := input.resource

path := "node_config[0].service_account"

default_account if {
	object.get(r.attrs, ["node_config", 0, "service_account"], "default") == "default"
	count(object.get(r.refs, path, [])) == 0
}

deny contains {"msg": "the node pool runs as the Compute Engine default service account", "path": path} if {
	r.type == "google_container_node_pool"
	default_account
}

deny contains {"msg": "the cluster's default node pool runs as the Compute Engine default service account", "paths": [path, "remove_default_node_pool", "enable_autopilot"]} if {
	r.type == "google_container_cluster"
	not gcp.truthy(object.get(r.attrs, "remove_default_node_pool", false))
	object.get(r.attrs, "enable_autopilot", false) != true
	default_account
}
