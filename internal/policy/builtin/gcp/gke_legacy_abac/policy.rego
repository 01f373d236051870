# METADATA
# title: GKE cluster has legacy ABAC enabled
# description: |
#   Legacy attribute-based access control grants permissions outside
#   Kubernetes RBAC: with it on, the broad static policies it carries apply
#   beside every Role and RoleBinding, and RBAC no longer describes who may
#   do what in the cluster. GKE turns it off by default; enable_legacy_abac
#   = true turns it back on.
# related_resources:
#   - ref: https://cloud.google.com/kubernetes-engine/docs/how-to/hardening-your-cluster#leave_abac_disabled_default_for_110
# custom:
#   id: ONUS-GCP-011
#   severity: high
#   category: identity
#   layer: data-access
#   targets:
#     - kind: terraform
#       types: [google_container_cluster]
#   controls:
#     nist-800-53: ["AC-3", "AC-6"]
#     csa-ccm: ["IAM-05", "IAM-16"]
#   remediation: |
#     Remove enable_legacy_abac (or set it to false) and grant access with
#     Kubernetes RBAC and IAM.
package onus.gcp.gke_legacy_abac

import data.onus.lib.gcp

deny contains {"msg": "legacy ABAC is enabled: access is granted outside Kubernetes RBAC", "path": "enable_legacy_abac"} if {
	input.resource.attrs.enable_legacy_abac == true
}

# A setting known only at apply may be true: undetermined.
deny contains {"msg": "enable_legacy_abac is unknown until apply", "path": "enable_legacy_abac"} if {
	gcp.unknown(input.resource, "enable_legacy_abac")
}
