package onus.gcp.bigquery_public_test

import data.onus.gcp.bigquery_public as policy
import data.onus.lib.gcp.fixture as fx

dataset(access) := fx.tf("google_bigquery_dataset", "d", {"dataset_id": "d", "access": access})

test_access_all_users if {
	[f] := [f | some f in policy.deny with input.resource as dataset([{"role": "OWNER", "user_by_email": "a@example.com"}, {"role": "READER", "iam_member": "allUsers"}])]
	f.path == "access[1]"
}

test_special_group if {
	count(policy.deny) == 1 with input.resource as dataset([{"role": "READER", "special_group": "allAuthenticatedUsers"}])
	count(policy.deny) == 0 with input.resource as dataset([{"role": "READER", "special_group": "projectReaders"}])
}

test_iam_member if {
	[f] := [f | some f in policy.deny with input.resource as fx.tf("google_bigquery_dataset_iam_member", "m", {"dataset_id": "d", "role": "roles/bigquery.dataViewer", "member": "allAuthenticatedUsers"})]
	f.paths[0] == "member"
}

test_dataset_access_resource if {
	count(policy.deny) == 1 with input.resource as fx.tf("google_bigquery_dataset_access", "a", {"dataset_id": "d", "role": "READER", "iam_member": "allUsers"})
}

test_unknown_entry if {
	[f] := [f | some f in policy.deny with input.resource as fx.unknown(dataset([{"role": "READER"}]), ["access[0].iam_member"])]
	f.path == "access[0].iam_member"
}
