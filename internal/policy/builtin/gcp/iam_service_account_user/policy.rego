# METADATA
# title: Service Account User or Token Creator granted on the whole project
# description: |
#   roles/iam.serviceAccountUser and roles/iam.serviceAccountTokenCreator
#   granted on a project (or folder, or organization) let the member act as
#   every service account below it, present and future, and so gain every
#   role those accounts hold. Grant them on the one service account the
#   member needs (google_service_account_iam_member) instead.
# related_resources:
#   - ref: https://cloud.google.com/iam/docs/service-account-permissions
# custom:
#   id: ONUS-GCP-028
#   severity: high
#   category: identity
#   layer: data-access
#   targets:
#     - kind: terraform
#       types: [google_project_iam_member, google_project_iam_binding, google_project_iam_policy, google_folder_iam_member, google_folder_iam_binding, google_organization_iam_member, google_organization_iam_binding]
#   controls:
#     cis-gcp: ["1.6"]
#     nist-800-53: ["AC-6", "AC-6(1)", "AC-3"]
#     csa-ccm: ["IAM-05", "IAM-09"]
#   params:
#     roles: {default: ["roles/iam.serviceAccountUser", "roles/iam.serviceAccountTokenCreator"], description: roles that impersonate service accounts}
#   remediation: |
#     Remove the project-level grant and grant the role on the service
#     accounts the member needs, with google_service_account_iam_member.
package onus.gcp.iam_service_account_user

import data.onus.lib.gcp
import data.onus.lib.gcp.iam

r := input.resource

scope := substring(r.type, count("google_"), indexof(r.type, "_iam_") - count("google_"))

deny contains {"msg": sprintf("%s is granted %s on the %s: it can act as every service account there", [g.member, g.role, scope]), "paths": role_first(g.paths)} if {
	some g in iam.grants(r)
	g.role in input.params.roles
}

# A member unknown until apply on a matching role, a role unknown until
# apply, or a policy document unknown until apply: undetermined.
deny contains {"msg": "the grant is unknown until apply", "path": p} if {
	some p in iam.unknown_paths(r)
	relevant(p)
	not iam.referenced(r, p)
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
