# METADATA
# title: Owner or Editor role granted at project, folder or organization level
# description: |
#   The basic roles Owner and Editor grant thousands of permissions across
#   every service of the project (and, on a folder or organization, of
#   every project below it): whoever holds them, a person, a group or a
#   service account, can read and change almost everything, and Owner can
#   grant itself the rest. Grants are read from the member and binding
#   resources of projects, folders and organizations and from the
#   policy_data of google_project_iam_policy; a policy document from a data
#   source is known only at apply, and the result is undetermined.
# related_resources:
#   - ref: https://cloud.google.com/iam/docs/roles-overview#basic
# custom:
#   id: ONUS-GCP-022
#   severity: high
#   category: identity
#   layer: data-access
#   targets:
#     - kind: terraform
#       types: [google_project_iam_member, google_project_iam_binding, google_project_iam_policy, google_folder_iam_member, google_folder_iam_binding, google_organization_iam_member, google_organization_iam_binding]
#   controls:
#     cis-gcp: ["1.5"]
#     nist-800-53: ["AC-2", "AC-6", "AC-6(1)", "AC-6(5)"]
#     csa-ccm: ["IAM-05", "IAM-09", "IAM-10"]
#   params:
#     roles: {default: ["roles/owner", "roles/editor"], description: roles too broad to grant}
#   remediation: |
#     Replace the basic role with predefined or custom roles that cover
#     what the member does (roles/compute.admin, roles/storage.objectAdmin…);
#     the IAM Recommender lists the permissions the member actually used.
#     Keep Owner for a break-glass group only.
package onus.gcp.iam_primitive_roles

import data.onus.lib.gcp

r := input.resource

attrs := r.attrs

member_types := {"google_project_iam_member", "google_folder_iam_member", "google_organization_iam_member"}

binding_types := {"google_project_iam_binding", "google_folder_iam_binding", "google_organization_iam_binding"}

scope := substring(r.type, count("google_"), indexof(r.type, "_iam_") - count("google_"))

# An unknown member is absent from attrs and named in the paths:
# undetermined.
deny contains {"msg": sprintf("%s is granted %s on the %s", [member, attrs.role, scope]), "paths": ["role", "member"]} if {
	r.type in member_types
	attrs.role in input.params.roles
	member := object.get(attrs, "member", "a member")
}

deny contains {"msg": sprintf("%s is granted %s on the %s", [m, attrs.role, scope]), "paths": ["role", "members"]} if {
	r.type in binding_types
	attrs.role in input.params.roles
	some m in object.get(attrs, "members", [])
}

deny contains {"msg": sprintf("the project policy grants %s to %s", [b.role, m]), "path": "policy_data"} if {
	r.type == "google_project_iam_policy"
	some b in bindings
	b.role in input.params.roles
	some m in gcp.as_list(object.get(b, "members", []))
}

bindings := object.get(json.unmarshal(attrs.policy_data), "bindings", []) if {
	is_string(attrs.policy_data)
	json.is_valid(attrs.policy_data)
}

# A role known only at apply may be a basic one; a policy document known
# only at apply may grant one: undetermined.
deny contains {"msg": "the granted role is unknown until apply", "path": "role"} if {
	gcp.unknown(r, "role")
}

deny contains {"msg": "the project policy is unknown until apply", "path": "policy_data"} if {
	r.type == "google_project_iam_policy"
	gcp.unknown(r, "policy_data")
}
