package onus.gcp.storage_public_iam_test

import data.onus.gcp.storage_public_iam
import data.onus.lib.gcp.fixture as fx

deny(r) := d if {
	d := storage_public_iam.deny with input.resource as r
}

test_member_all_users if {
	[f] := [f | some f in deny(fx.tf("google_storage_bucket_iam_member", "m", {"bucket": "b", "role": "roles/storage.objectViewer", "member": "allUsers"}))]
	f.paths[0] == "member"
	contains(f.msg, "roles/storage.objectViewer")
}

test_member_group_allowed if {
	count(deny(fx.tf("google_storage_bucket_iam_member", "m", {"bucket": "b", "role": "roles/storage.objectViewer", "member": "group:data@example.com"}))) == 0
}

test_binding_all_authenticated if {
	[f] := [f | some f in deny(fx.tf("google_storage_bucket_iam_binding", "b", {"bucket": "b", "role": "roles/storage.objectViewer", "members": ["user:a@example.com", "allAuthenticatedUsers"]}))]
	contains(f.msg, "allAuthenticatedUsers")
	f.paths[0] == "members"
}

test_policy_json if {
	doc := json.marshal({"bindings": [
		{"role": "roles/storage.admin", "members": ["group:ops@example.com"]},
		{"role": "roles/storage.objectViewer", "members": ["allUsers"]},
	]})
	[f] := [f | some f in deny(fx.tf("google_storage_bucket_iam_policy", "p", {"bucket": "b", "policy_data": doc}))]
	f.paths == ["policy_data"]
}

test_policy_private if {
	doc := json.marshal({"bindings": [{"role": "roles/storage.admin", "members": ["group:ops@example.com"]}]})
	count(deny(fx.tf("google_storage_bucket_iam_policy", "p", {"bucket": "b", "policy_data": doc}))) == 0
}

# A policy document unknown until apply (a data.google_iam_policy with an
# unknown member): the result points at it and the engine counts it as
# undetermined.
test_policy_from_data_source_undetermined if {
	[f] := [f | some f in deny(fx.unknown(fx.tf("google_storage_bucket_iam_policy", "p", {"bucket": "b"}), ["policy_data"]))]
	f.path == "policy_data"
}

test_unknown_member_element if {
	r := fx.unknown(fx.tf("google_storage_bucket_iam_binding", "b", {"role": "roles/storage.objectViewer", "members": ["user:a@example.com"]}), ["members[1]"])
	[f] := [f | some f in deny(r)]
	f.path == "members[1]"
}

test_acl if {
	count(deny(fx.tf("google_storage_bucket_acl", "a", {"bucket": "b", "predefined_acl": "publicRead"}))) == 1
	count(deny(fx.tf("google_storage_bucket_acl", "a", {"bucket": "b", "role_entity": ["OWNER:user-a@example.com", "READER:allUsers"]}))) == 1
	count(deny(fx.tf("google_storage_bucket_acl", "a", {"bucket": "b", "predefined_acl": "private"}))) == 0
}

test_unknown_acl if {
	[f] := [f | some f in deny(fx.unknown(fx.tf("google_storage_bucket_acl", "a", {"bucket": "b"}), ["predefined_acl"]))]
	f.path == "predefined_acl"
}
