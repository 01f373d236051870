package onus.gcp.iam_service_account_admin_test

import data.onus.gcp.iam_service_account_admin as policy
import data.onus.lib.gcp.fixture as fx

deny(r) := d if {
	d := policy.deny with input.resource as r with input.params as {"allowed": ["serviceAccount:terraform@p.iam.gserviceaccount.com"]}
}

member(role, m) := fx.tf("google_project_iam_member", "m", {"project": "p", "role": role, "member": m})

test_owner_and_admin_roles if {
	count(deny(member("roles/owner", "serviceAccount:ci@p.iam.gserviceaccount.com"))) == 1
	count(deny(member("roles/storage.admin", "serviceAccount:ci@p.iam.gserviceaccount.com"))) == 1
	[f] := [f | some f in deny(member("roles/compute.instanceAdmin.v1", "serviceAccount:ci@p.iam.gserviceaccount.com"))]
	f.paths[0] == "role"
}

test_narrow_roles if {
	count(deny(member("roles/storage.objectViewer", "serviceAccount:ci@p.iam.gserviceaccount.com"))) == 0
	count(deny(member("projects/p/roles/deployAdmin", "serviceAccount:ci@p.iam.gserviceaccount.com"))) == 0
}

test_people_left_out if {
	count(deny(member("roles/owner", "user:a@example.com"))) == 0
}

test_allowed if {
	count(deny(member("roles/owner", "serviceAccount:terraform@p.iam.gserviceaccount.com"))) == 0
}

test_member_from_resource if {
	r := fx.refs(fx.unknown(fx.tf("google_project_iam_member", "m", {"project": "p", "role": "roles/editor"}), ["member"]), {"member": ["m::google_service_account.ci"]})
	[f] := [f | some f in deny(r)]
	f.paths == ["role"]
	contains(f.msg, "google_service_account.ci")
	b := fx.refs(fx.unknown(fx.tf("google_folder_iam_binding", "b", {"folder": "f", "role": "roles/owner"}), ["members"]), {"members": ["m::google_service_account.ci"]})
	[g] := [g | some g in deny(b)]
	g.paths == ["role"]
}

test_policy_document if {
	doc := json.marshal({"bindings": [{"role": "roles/editor", "members": ["serviceAccount:ci@p.iam.gserviceaccount.com", "group:g@example.com"]}]})
	[f] := [f | some f in deny(fx.tf("google_project_iam_policy", "p", {"project": "p", "policy_data": doc}))]
	f.paths == ["policy_data"]
}

test_unknown_member_on_admin_role if {
	[f] := [f | some f in deny(fx.unknown(fx.tf("google_project_iam_member", "m", {"project": "p", "role": "roles/owner"}), ["member"]))]
	f.path == "member"
	count(deny(fx.unknown(fx.tf("google_project_iam_member", "m", {"project": "p", "role": "roles/viewer"}), ["member"]))) == 0
}
