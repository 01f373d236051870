package onus.gcp.iam_primitive_roles_test

import data.onus.gcp.iam_primitive_roles as policy
import data.onus.lib.gcp.fixture as fx

deny(r) := d if {
	d := policy.deny with input.resource as r with input.params as {"roles": ["roles/owner", "roles/editor"]}
}

test_member_owner if {
	[f] := [f | some f in deny(fx.tf("google_project_iam_member", "m", {"project": "p", "role": "roles/owner", "member": "user:alice@example.com"}))]
	f.paths[0] == "role"
	contains(f.msg, "user:alice@example.com is granted roles/owner on the project")
}

test_binding_editor_each_member if {
	r := fx.tf("google_folder_iam_binding", "b", {"folder": "folders/1", "role": "roles/editor", "members": ["group:dev@example.com", "user:a@example.com", "serviceAccount:ci@p.iam.gserviceaccount.com"]})
	count(deny(r)) == 2
	some f in deny(r)
	contains(f.msg, "on the folder")
}

test_predefined_role if {
	count(deny(fx.tf("google_project_iam_member", "m", {"project": "p", "role": "roles/compute.admin", "member": "user:alice@example.com"}))) == 0
	count(deny(fx.tf("google_project_iam_member", "m", {"project": "p", "role": "roles/viewer", "member": "user:alice@example.com"}))) == 0
}

test_policy_document if {
	doc := json.marshal({"bindings": [{"role": "roles/owner", "members": ["group:admins@example.com"]}, {"role": "roles/viewer", "members": ["group:all@example.com"]}]})
	[f] := [f | some f in deny(fx.tf("google_project_iam_policy", "p", {"project": "p", "policy_data": doc}))]
	f.paths == ["policy_data"]
}

test_unknown_role_named if {
	[f] := [f | some f in deny(fx.unknown(fx.tf("google_project_iam_member", "m", {"project": "p", "member": "user:a@example.com"}), ["role"]))]
	f.path == "role"
}

test_unknown_member_named if {
	[f] := [f | some f in deny(fx.unknown(fx.tf("google_project_iam_member", "m", {"project": "p", "role": "roles/editor"}), ["member"]))]
	f.path == "member"
	count(deny(fx.unknown(fx.tf("google_project_iam_member", "m", {"project": "p", "role": "roles/compute.viewer"}), ["member"]))) == 0
}

test_unknown_policy_document if {
	[f] := [f | some f in deny(fx.unknown(fx.tf("google_project_iam_policy", "p", {"project": "p"}), ["policy_data"]))]
	f.path == "policy_data"
}

# Service accounts are ONUS-GCP-035's, written or built from a
# google_service_account of the estate; the rest of a members list that
# refers to one is unknown, and may hold people.
test_service_accounts_left_out if {
	count(deny(fx.tf("google_project_iam_member", "m", {"project": "p", "role": "roles/owner", "member": "serviceAccount:ci@p.iam.gserviceaccount.com"}))) == 0
	r := fx.refs(fx.unknown(fx.tf("google_project_iam_member", "m", {"project": "p", "role": "roles/editor"}), ["member"]), {"member": ["m::google_service_account.ci"]})
	count(deny(r)) == 0
	b := fx.refs(fx.unknown(fx.tf("google_project_iam_binding", "b", {"project": "p", "role": "roles/owner"}), ["members"]), {"members": ["m::google_service_account.ci"]})
	[g] := [g | some g in deny(b)]
	g.path == "members"
}
