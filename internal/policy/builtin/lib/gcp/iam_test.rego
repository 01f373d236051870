package onus.lib.gcp.iam_test

import data.onus.lib.gcp.fixture as fx
import data.onus.lib.gcp.iam

test_member if {
	iam.grants(fx.tf("google_kms_crypto_key_iam_member", "m", {"role": "r", "member": "allUsers"})) == [{"member": "allUsers", "role": "r", "paths": ["member", "role"]}]
}

test_binding if {
	count(iam.public_grants(fx.tf("google_kms_crypto_key_iam_binding", "b", {"role": "r", "members": ["user:a@example.com", "allAuthenticatedUsers"]}))) == 1
}

test_policy if {
	doc := json.marshal({"bindings": [{"role": "r", "members": ["allUsers", "group:g@example.com"]}]})
	count(iam.grants(fx.tf("google_project_iam_policy", "p", {"policy_data": doc}))) == 2
	iam.grants(fx.tf("google_project_iam_policy", "p", {})) == []
}

test_unknown_paths if {
	iam.unknown_paths(fx.unknown(fx.tf("google_project_iam_binding", "b", {"role": "r", "members": ["a"]}), ["members[1]"])) == ["members[1]"]
	iam.unknown_paths(fx.unknown(fx.tf("google_project_iam_policy", "p", {}), ["policy_data"])) == ["policy_data"]
}

test_member_from_resource_not_unknown if {
	r := fx.refs(fx.unknown(fx.tf("google_storage_bucket_iam_member", "m", {"role": "r"}), ["member"]), {"member": ["m::google_service_account.app"]})
	iam.unknown_paths(r) == []
	iam.unknown_paths(fx.unknown(fx.tf("google_storage_bucket_iam_member", "m", {"role": "r"}), ["member"])) == ["member"]
}

test_referenced_grants if {
	r := fx.refs(fx.unknown(fx.tf("google_project_iam_member", "m", {"role": "roles/owner"}), ["member"]), {"member": ["m::google_service_account.ci"]})
	iam.grants(r) == [{"member": "the identity of google_service_account.ci", "role": "roles/owner", "paths": ["role"], "reference": "google_service_account.ci"}]
	some g in iam.grants(r)
	iam.service_account(g)
	b := fx.refs(fx.unknown(fx.tf("google_project_iam_binding", "b", {"role": "roles/owner"}), ["members"]), {"members": ["m::google_service_account.ci"]})
	count(iam.grants(b)) == 1
	iam.public_grants(b) == []
	iam.unknown_paths(b) == ["members"]
}
