# METADATA
# title: Cloud Storage bucket does not enforce public access prevention
# description: |
#   Public access prevention stops any IAM grant or ACL from making a
#   bucket or its objects public, whatever is granted later by mistake.
#   A bucket left at "inherited" (the default) is protected only when the
#   organization policy constraint storage.publicAccessPrevention applies
#   to its project, which its own configuration does not show.
# related_resources:
#   - ref: https://cloud.google.com/storage/docs/public-access-prevention
# custom:
#   id: ONUS-GCP-003
#   severity: medium
#   category: public-access
#   layer: data-access
#   targets:
#     - kind: terraform
#       types: [google_storage_bucket]
#   controls:
#     cis-gcp: ["5.1"]
#     nist-800-53: ["AC-3", "AC-4", "AC-6", "AC-21", "SC-7"]
#     csa-ccm: ["DSP-17", "IAM-16"]
#   remediation: |
#     Set public_access_prevention = "enforced" on every bucket that is not
#     meant to serve the public, or enforce the organization policy
#     constraint storage.publicAccessPrevention for the project.
package onus.gcp.storage_public_access_prevention

deny contains {"msg": msg, "path": "public_access_prevention"} if {
	value := object.get(input.resource.attrs, "public_access_prevention", "inherited")
	value != "enforced"
	msg := sprintf("public access prevention is %q, not \"enforced\": a later grant to allUsers would make the bucket public", [value])
}
