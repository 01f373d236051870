# METADATA
# title: Service account has a user-managed key
# description: |
#   A user-managed service account key is a long-lived credential that
#   works from anywhere until someone deletes it: it ends up in
#   repositories, CI variables and laptops, and Terraform keeps its private
#   key in the state file. Google-managed keys, Workload Identity (GKE),
#   Workload Identity Federation (CI and other clouds) and attached service
#   accounts (VMs, Cloud Run) need no key at all. Every
#   google_service_account_key that creates a key is reported; one that
#   uploads a public key (public_key_data) keeps the private key off
#   Google's and Terraform's hands but is still a credential to rotate.
# related_resources:
#   - ref: https://cloud.google.com/iam/docs/best-practices-for-managing-service-account-keys
# custom:
#   id: ONUS-GCP-027
#   severity: medium
#   category: secrets
#   layer: data-access
#   targets:
#     - kind: terraform
#       types: [google_service_account_key]
#   controls:
#     cis-gcp: ["1.4"]
#     nist-800-53: ["IA-5", "IA-5(1)", "IA-2"]
#     csa-ccm: ["IAM-14"]
#   remediation: |
#     Remove the key and give the workload an identity without one:
#     Workload Identity on GKE, Workload Identity Federation for CI and
#     other clouds, an attached service account on Compute Engine and
#     Cloud Run. Enforce the organization policy constraint
#     iam.disableServiceAccountKeyCreation.
package onus.gcp.iam_service_account_key

import data.onus.lib.gcp

r := input.resource

# The results point at the resource itself: a key exists whatever its
# attributes, which are often known only at apply.
deny contains {"msg": "a user-managed key is created for the service account: a long-lived credential, kept in the Terraform state"} if {
	not uploaded
}

deny contains {"msg": "a user-managed public key is uploaded for the service account: a long-lived credential to rotate", "path": "public_key_data", "severity": "low"} if {
	"public_key_data" in object.keys(r.attrs)
}

deny contains {"msg": "a user-managed public key is uploaded for the service account: a long-lived credential to rotate", "severity": "low"} if {
	uploaded
	not "public_key_data" in object.keys(r.attrs)
}

# uploaded holds when the key is a public key the configuration uploads:
# written, read from another resource, or unknown until apply (a file or
# a variable).
uploaded if "public_key_data" in object.keys(r.attrs)

uploaded if count(object.get(r.refs, "public_key_data", [])) > 0

uploaded if gcp.unknown(r, "public_key_data")
