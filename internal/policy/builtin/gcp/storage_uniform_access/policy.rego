# METADATA
# title: Cloud Storage bucket does not use uniform bucket-level access
# description: |
#   Without uniform bucket-level access, every object carries its own ACL
#   beside the bucket's IAM policy: one object can be made public by an
#   upload or a copy, and a review of the bucket's IAM says nothing about
#   who can read its objects. Uniform access turns ACLs off and leaves IAM
#   as the only way in.
# related_resources:
#   - ref: https://cloud.google.com/storage/docs/uniform-bucket-level-access
# custom:
#   id: ONUS-GCP-002
#   severity: medium
#   category: public-access
#   layer: data-access
#   targets:
#     - kind: terraform
#       types: [google_storage_bucket]
#   controls:
#     cis-gcp: ["5.2"]
#     nist-800-53: ["AC-3", "AC-6"]
#     csa-ccm: ["DSP-17", "IAM-16"]
#   remediation: |
#     Set uniform_bucket_level_access = true on the bucket, after moving any
#     access granted by object ACLs into the bucket's IAM policy.
package onus.gcp.storage_uniform_access

deny contains {"msg": "uniform bucket-level access is off: object ACLs can grant access the bucket's IAM policy does not show", "path": "uniform_bucket_level_access"} if {
	object.get(input.resource.attrs, "uniform_bucket_level_access", false) != true
}
