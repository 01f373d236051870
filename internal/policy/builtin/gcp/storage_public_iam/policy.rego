# METADATA
# title: Cloud Storage bucket is readable by everyone
# description: |
#   A bucket role granted to allUsers opens the bucket to anonymous callers
#   on the internet; one granted to allAuthenticatedUsers opens it to anyone
#   with a Google account, which is no narrower. Grants are read from
#   google_storage_bucket_iam_member, google_storage_bucket_iam_binding,
#   the policy_data of google_storage_bucket_iam_policy (jsonencode or a
#   JSON string) and the predefined ACLs and role entities of
#   google_storage_bucket_acl. A policy document from data.google_iam_policy
#   is rendered as the provider renders it; one resting on a value known
#   only at apply is unknown, and the result undetermined.
# related_resources:
#   - ref: https://cloud.google.com/storage/docs/access-control/making-data-public
#   - ref: https://cloud.google.com/storage/docs/public-access-prevention
# custom:
#   id: ONUS-GCP-001
#   severity: critical
#   category: public-access
#   layer: data-access
#   targets:
#     - kind: terraform
#       types: [google_storage_bucket_iam_member, google_storage_bucket_iam_binding, google_storage_bucket_iam_policy, google_storage_bucket_acl]
#   controls:
#     cis-gcp: ["5.1"]
#     nist-800-53: ["AC-3", "AC-4", "AC-6", "AC-21", "SC-7"]
#     csa-ccm: ["DSP-17", "IAM-16"]
#   remediation: |
#     Remove allUsers and allAuthenticatedUsers from the bucket's members
#     and grant the role to the groups or service accounts that need it.
#     Serve public content through Cloud CDN or signed URLs, and set
#     public_access_prevention = "enforced" on buckets that must never be
#     public.
package onus.gcp.storage_public_iam

import data.onus.lib.gcp
import data.onus.lib.gcp.iam

attrs := input.resource.attrs

deny contains {"msg": sprintf("%s is granted %s on the bucket", [g.member, g.role]), "paths": g.paths} if {
	some g in iam.public_grants(input.resource)
}

deny contains {"msg": sprintf("the predefined ACL %q makes the bucket public", [attrs.predefined_acl]), "path": "predefined_acl"} if {
	input.resource.type == "google_storage_bucket_acl"
	attrs.predefined_acl in {"publicRead", "publicReadWrite"}
}

deny contains {"msg": sprintf("the ACL entry %q makes the bucket public", [e]), "path": "role_entity"} if {
	input.resource.type == "google_storage_bucket_acl"
	some e in object.get(attrs, "role_entity", [])
	is_string(e)
	gcp.public_member(substring(e, indexof(e, ":") + 1, -1))
}

# Members, policy documents or ACL entries known only at apply: reported
# on their paths, which the engine counts as undetermined.
deny contains {"msg": "the bucket's members are unknown until apply", "path": p} if {
	some p in iam.unknown_member_paths(input.resource)
}

deny contains {"msg": "the bucket's ACL is unknown until apply", "path": p} if {
	input.resource.type == "google_storage_bucket_acl"
	count(input.resource.unknown) > 0
	some attr in ["predefined_acl", "role_entity"]
	some p in gcp.unknowns(input.resource, attr)
}
