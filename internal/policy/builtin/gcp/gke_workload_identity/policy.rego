# METADATA
# title: GKE cluster does not use Workload Identity
# description: |
#   Without Workload Identity, every pod can ask the node's metadata server
#   for the token of the node's service account, so any compromised
#   container acts with the node's Google Cloud permissions, and pods cannot
#   be given identities of their own. With workload_identity_config set,
#   the GKE metadata server hides the node's credentials and maps
#   Kubernetes service accounts to IAM service accounts. Autopilot clusters
#   always use it.
# related_resources:
#   - ref: https://cloud.google.com/kubernetes-engine/docs/how-to/workload-identity
# custom:
#   id: ONUS-GCP-015
#   severity: medium
#   category: identity
#   layer: operating-system
#   targets:
#     - kind: terraform
#       types: [google_container_cluster]
#   controls:
#     nist-800-53: ["AC-3", "AC-6", "CM-7"]
#     csa-ccm: ["IAM-16", "IVS-04"]
#   remediation: |
#     Add workload_identity_config { workload_pool =
#     "PROJECT_ID.svc.id.goog" } to the cluster, run node pools with
#     node_config { workload_metadata_config { mode = "GKE_METADATA" } },
#     and bind each Kubernetes service account to the IAM service account
#     it needs.
package onus.gcp.gke_workload_identity

attrs := input.resource.attrs

deny contains {"msg": "Workload Identity is off: pods can read the node service account's credentials from the metadata server", "paths": ["workload_identity_config[0].workload_pool", "enable_autopilot"]} if {
	object.get(attrs, ["workload_identity_config", 0, "workload_pool"], "") == ""
	count(object.get(input.resource.refs, "workload_identity_config[0].workload_pool", [])) == 0
	object.get(attrs, "enable_autopilot", false) != true
}
