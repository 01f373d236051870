package onus.gcp.iam_service_account_user_test

import data.onus.gcp.iam_service_account_user as policy
import data.onus.lib.gcp.fixture as fx

deny(r) := d if {
	d := policy.deny with input.resource as r with input.params as {"roles": ["roles/iam.serviceAccountUser", "roles/iam.serviceAccountTokenCreator"]}
}

test_project_member if {
	[f] := [f | some f in deny(fx.tf("google_project_iam_member", "m", {"project": "p", "role": "roles/iam.serviceAccountUser", "member": "user:dev@example.com"}))]
	f.paths[0] == "role"
	contains(f.msg, "on the project")
}

test_binding if {
	count(deny(fx.tf("google_organization_iam_binding", "b", {"org_id": "1", "role": "roles/iam.serviceAccountTokenCreator", "members": ["group:a@example.com", "group:b@example.com"]}))) == 2
}

test_other_role if {
	count(deny(fx.tf("google_project_iam_member", "m", {"project": "p", "role": "roles/viewer", "member": "user:dev@example.com"}))) == 0
}

test_unknown_member_on_matching_role if {
	[f] := [f | some f in deny(fx.unknown(fx.tf("google_project_iam_member", "m", {"project": "p", "role": "roles/iam.serviceAccountUser"}), ["member"]))]
	f.path == "member"
	count(deny(fx.unknown(fx.tf("google_project_iam_member", "m", {"project": "p", "role": "roles/viewer"}), ["member"]))) == 0
}

test_unknown_role if {
	[f] := [f | some f in deny(fx.unknown(fx.tf("google_project_iam_member", "m", {"project": "p", "member": "user:a@example.com"}), ["role"]))]
	f.path == "role"
}
