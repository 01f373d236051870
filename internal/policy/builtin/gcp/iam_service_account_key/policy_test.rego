package onus.gcp.iam_service_account_key_test

import data.onus.gcp.iam_service_account_key as policy
import data.onus.lib.gcp.fixture as fx

test_created_key if {
	[f] := [f | some f in policy.deny with input.resource as fx.tf("google_service_account_key", "k", {"service_account_id": "sa"})]
	not f.path
	not f.severity
}

test_uploaded_key if {
	[f] := [f | some f in policy.deny with input.resource as fx.tf("google_service_account_key", "k", {"service_account_id": "sa", "public_key_data": "LS0t"})]
	f.severity == "low"
}

test_uploaded_key_from_file_reference if {
	r := fx.refs(fx.unknown(fx.tf("google_service_account_key", "k", {"service_account_id": "sa"}), ["public_key_data"]), {"public_key_data": ["m::tls_private_key.k"]})
	[f] := [f | some f in policy.deny with input.resource as r]
	f.severity == "low"
	not f.path
}
