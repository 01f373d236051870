# METADATA
# title: GKE cluster issues a client certificate
# description: |
#   A cluster created with issue_client_certificate = true hands out a
#   client certificate with cluster-admin rights that cannot be revoked
#   short of rotating the cluster's credentials, and that keeps working
#   for whoever copies it from the Terraform state. Authentication through
#   Google identities (IAM and RBAC) needs no such certificate.
# related_resources:
#   - ref: https://cloud.google.com/kubernetes-engine/docs/how-to/hardening-your-cluster#restrict_authn_methods
# custom:
#   id: ONUS-GCP-033
#   severity: high
#   category: identity
#   layer: data-access
#   targets:
#     - kind: terraform
#       types: [google_container_cluster]
#   controls:
#     nist-800-53: ["IA-2", "IA-5", "AC-2"]
#     csa-ccm: ["IAM-14", "IAM-16"]
#   remediation: |
#     Remove master_auth { client_certificate_config { issue_client_certificate
#     = true } } (recreating the cluster), and authenticate with gcloud and
#     Google identities.
package onus.gcp.gke_client_certificate

import data.onus.lib.gcp

deny contains {"msg": "the cluster issues a client certificate: a long-lived admin credential that cannot be revoked", "path": "master_auth[0].client_certificate_config[0].issue_client_certificate"} if {
	object.get(input.resource.attrs, ["master_auth", 0, "client_certificate_config", 0, "issue_client_certificate"], false) == true
}

# A setting known only at apply may be true: undetermined.
deny contains {"msg": "issue_client_certificate is unknown until apply", "path": p} if {
	count(input.resource.unknown) > 0
	some p in gcp.unknowns(input.resource, "master_auth[0].client_certificate_config[0].issue_client_certificate")
}
