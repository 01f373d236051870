package onus.gcp.storage_public_access_prevention_test

import data.onus.gcp.storage_public_access_prevention as pap
import data.onus.lib.gcp.fixture as fx

bucket(attrs) := fx.tf("google_storage_bucket", "b", object.union({"name": "b", "location": "EU"}, attrs))

test_default_inherited if {
	[f] := [f | some f in pap.deny with input.resource as bucket({})]
	f.path == "public_access_prevention"
	contains(f.msg, "inherited")
}

test_enforced if {
	count(pap.deny) == 0 with input.resource as bucket({"public_access_prevention": "enforced"})
}

test_unknown_is_named if {
	[f] := [f | some f in pap.deny with input.resource as fx.unknown(bucket({}), ["public_access_prevention"])]
	f.path == "public_access_prevention"
}
