# METADATA
# title: Cloud KMS key or key ring is accessible to everyone
# description: |
#   A role on a crypto key or key ring granted to allUsers or
#   allAuthenticatedUsers lets anyone on the internet, or anyone with a
#   Google account, use or manage the key: decrypt what it protects, sign
#   in its name, or destroy its versions and with them the data. Grants
#   are read from the member, binding and policy resources of
#   google_kms_crypto_key and google_kms_key_ring.
# related_resources:
#   - ref: https://cloud.google.com/kms/docs/iam
# custom:
#   id: ONUS-GCP-025
#   severity: critical
#   category: public-access
#   layer: data-access
#   targets:
#     - kind: terraform
#       types: [google_kms_crypto_key_iam_member, google_kms_crypto_key_iam_binding, google_kms_crypto_key_iam_policy, google_kms_key_ring_iam_member, google_kms_key_ring_iam_binding, google_kms_key_ring_iam_policy]
#   controls:
#     cis-gcp: ["1.9"]
#     nist-800-53: ["AC-3", "AC-6", "SC-12"]
#     csa-ccm: ["DSP-17", "IAM-16"]
#   remediation: |
#     Remove allUsers and allAuthenticatedUsers from the key's IAM policy
#     and grant roles/cloudkms.cryptoKeyEncrypterDecrypter (or the narrower
#     role needed) to the service accounts that use the key.
package onus.gcp.kms_public_iam

import data.onus.lib.gcp.iam

deny contains {"msg": sprintf("%s is granted %s on the %s", [g.member, g.role, what]), "paths": g.paths} if {
	some g in iam.public_grants(input.resource)
	what := object.get({"google_kms_key_ring": "key ring"}, substring(input.resource.type, 0, indexof(input.resource.type, "_iam_")), "key")
}

# Members, roles or policy documents known only at apply: undetermined.
deny contains {"msg": "the key's members are unknown until apply", "path": p} if {
	some p in iam.unknown_member_paths(input.resource)
}
