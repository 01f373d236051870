# METADATA
# title: Service account has administrator privileges
# description: |
#   A service account is used by code: whatever runs with it, or steals
#   its token from a VM's metadata server, a CI variable or a key file,
#   acts with its roles, without a password or a second factor. Owner,
#   Editor and the *Admin roles granted to one on a project, folder or
#   organization turn any compromise of that code into control of the
#   project. Grants are read from the member, binding and policy resources
#   of projects, folders and organizations; a member built from a
#   google_service_account of the estate counts as that account.
# related_resources:
#   - ref: https://cloud.google.com/iam/docs/best-practices-service-accounts#restrict-admin-privileges
# custom:
#   id: ONUS-GCP-035
#   severity: high
#   category: identity
#   layer: data-access
#   targets:
#     - kind: terraform
#       types: [google_project_iam_member, google_project_iam_binding, google_project_iam_policy, google_folder_iam_member, google_folder_iam_binding, google_organization_iam_member, google_organization_iam_binding]
#   controls:
#     cis-gcp: ["1.5"]
#     nist-800-53: ["AC-6", "AC-6(1)", "AC-6(5)"]
#     csa-ccm: ["IAM-05", "IAM-09"]
#   params:
#     allowed: {default: [], description: service account members allowed administrator roles ("serviceAccount:terraform@…")}
#   remediation: |
#     Grant the service account the predefined roles that cover what its
#     code does (roles/storage.objectAdmin on one bucket rather than
#     roles/storage.admin on the project), and keep administrator roles for
#     the deployment pipeline's account, listed in the allowed parameter.
package onus.gcp.iam_service_account_admin

import data.onus.lib.gcp
import data.onus.lib.gcp.iam

r := input.resource

scope := substring(r.type, count("google_"), indexof(r.type, "_iam_") - count("google_"))

deny contains {"msg": sprintf("%s is granted %s on the %s", [g.member, g.role, scope]), "paths": role_first(g.paths)} if {
	some g in iam.grants(r)
	iam.service_account(g)
	admin(g.role)
	not g.member in input.params.allowed
}

# admin holds for the basic Owner and Editor roles and the predefined
# roles whose name says admin (roles/storage.admin,
# roles/compute.instanceAdmin.v1, roles/iam.securityAdmin…).
admin(role) if role in {"roles/owner", "roles/editor"}

admin(role) if {
	startswith(role, "roles/")
	contains(lower(role), "admin")
}

# A member known only at apply on an administrator role, or a role or
# policy document known only at apply: undetermined. A members list that
# refers to a service account of the estate has already failed.
deny contains {"msg": "the grant is unknown until apply", "path": p} if {
	some p in iam.unknown_paths(r)
	relevant(p)
	not iam.referenced(r, p)
}

relevant(p) if p in {"role", "policy_data"}

relevant(p) if {
	not p in {"role", "policy_data"}
	admin(object.get(r.attrs, "role", ""))
}

relevant(p) if {
	not p in {"role", "policy_data"}
	gcp.unknown(r, "role")
}

role_first(paths) := array.concat(["role"], [p | some p in paths; p != "role"]) if "role" in paths

role_first(paths) := paths if not "role" in paths
