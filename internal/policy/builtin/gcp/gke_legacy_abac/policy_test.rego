package onus.gcp.gke_legacy_abac_test

import data.onus.gcp.gke_legacy_abac as policy
import data.onus.lib.gcp.fixture as fx

cluster(attrs) := fx.tf("google_container_cluster", "c", object.union({"name": "c", "location": "europe-west1"}, attrs))

test_enabled if {
	[f] := [f | some f in policy.deny with input.resource as cluster({"enable_legacy_abac": true})]
	f.path == "enable_legacy_abac"
}

test_default_off if {
	count(policy.deny) == 0 with input.resource as cluster({})
	count(policy.deny) == 0 with input.resource as cluster({"enable_legacy_abac": false})
}

test_unknown if {
	[f] := [f | some f in policy.deny with input.resource as fx.unknown(cluster({}), ["enable_legacy_abac"])]
	f.path == "enable_legacy_abac"
}
