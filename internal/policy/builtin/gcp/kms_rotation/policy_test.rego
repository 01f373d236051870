package onus.gcp.kms_rotation_test

import data.onus.gcp.kms_rotation as policy
import data.onus.lib.gcp.fixture as fx

deny(attrs) := d if {
	d := policy.deny with input.resource as fx.tf("google_kms_crypto_key", "k", object.union({"name": "k", "key_ring": "r"}, attrs)) with input.params as {"max_days": 90}
}

test_no_rotation if {
	[f] := [f | some f in deny({})]
	f.paths[0] == "rotation_period"
}

test_long_rotation if {
	[f] := [f | some f in deny({"rotation_period": "31536000s"})]
	contains(f.msg, "31536000s")
}

test_90_days if {
	count(deny({"rotation_period": "7776000s"})) == 0
	count(deny({"rotation_period": "2592000s"})) == 0
}

test_asymmetric_not_reported if {
	count(deny({"purpose": "ASYMMETRIC_SIGN"})) == 0
	count(deny({"purpose": "MAC"})) == 0
}

test_unknown_period_named if {
	[f] := [f | some f in policy.deny with input.resource as fx.unknown(fx.tf("google_kms_crypto_key", "k", {}), ["rotation_period"]) with input.params as {"max_days": 90}]
	f.paths[0] == "rotation_period"
}
