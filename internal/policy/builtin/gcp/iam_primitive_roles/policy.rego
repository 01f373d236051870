# METADATA
# title: Owner or Editor role granted to people at project, folder or organization level
# description: |
#   The basic roles Owner and Editor grant thousands of permissions across
#   every service of the project (and, on a folder or organization, of
#   every project below it): whoever holds them can read and change almost
#   everything, and Owner can grant itself the rest. A phished password or
#   a stolen laptop session of one such user or group member is enough to
#   take the project over. Grants to users, groups and domains are read
#   (service accounts are ONUS-GCP-035's) from the member and binding
#   resources of projects, folders and organizations and from the
#   policy_data of google_project_iam_policy (jsonencode, a string or
#   data.google_iam_policy); a grant resting on a value known only at
#   apply is undetermined.
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
import data.onus.lib.gcp.iam

r := input.resource

scope := substring(r.type, count("google_"), indexof(r.type, "_iam_") - count("google_"))

# The role is named first: the finding points at it.
deny contains {"msg": sprintf("%s is granted %s on the %s", [g.member, g.role, scope]), "paths": role_first(g.paths)} if {
	some g in iam.grants(r)
	g.role in input.params.roles
	not iam.service_account(g)
}

# A member known only at apply on a basic role, a role known only at apply,
# or a policy document known only at apply: undetermined.
deny contains {"msg": "the grant is unknown until apply", "path": p} if {
	some p in iam.unknown_paths(r)
	relevant(p)
}

relevant(p) if p in {"role", "policy_data"}

relevant(p) if {
	not p in {"role", "policy_data"}
	object.get(r.attrs, "role", "") in input.params.roles
}

relevant(p) if {
	not p in {"role", "policy_data"}
	gcp.unknown(r, "role")
}

# role_first orders the paths of a grant so that the finding points at the
# role where one is written (member and binding resources).
role_first(paths) := array.concat(["role"], [p | some p in paths; p != "role"]) if "role" in paths

role_first(paths) := paths if not "role" in paths
