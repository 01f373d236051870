package onus.gcp.storage_uniform_access_test

import data.onus.gcp.storage_uniform_access
import data.onus.lib.gcp.fixture as fx

bucket(attrs) := fx.tf("google_storage_bucket", "b", object.union({"name": "b", "location": "EU"}, attrs))

test_unset if {
	[f] := [f | some f in storage_uniform_access.deny with input.resource as bucket({})]
	f.path == "uniform_bucket_level_access"
}

test_false if {
	count(storage_uniform_access.deny) == 1 with input.resource as bucket({"uniform_bucket_level_access": false})
}

test_on if {
	count(storage_uniform_access.deny) == 0 with input.resource as bucket({"uniform_bucket_level_access": true})
}

# An unknown setting is absent from attrs: the result names it, and the
# engine counts it as undetermined.
test_unknown_is_named if {
	[f] := [f | some f in storage_uniform_access.deny with input.resource as fx.unknown(bucket({}), ["uniform_bucket_level_access"])]
	f.path == "uniform_bucket_level_access"
}
