package onus.gcp.gke_workload_identity_test

import data.onus.gcp.gke_workload_identity as policy
import data.onus.lib.gcp.fixture as fx

cluster(attrs) := fx.tf("google_container_cluster", "c", object.union({"name": "c", "location": "europe-west1"}, attrs))

test_unset if {
	[f] := [f | some f in policy.deny with input.resource as cluster({})]
	f.paths[0] == "workload_identity_config[0].workload_pool"
}

test_pool if {
	count(policy.deny) == 0 with input.resource as cluster({"workload_identity_config": [{"workload_pool": "example.svc.id.goog"}]})
}

test_autopilot if {
	count(policy.deny) == 0 with input.resource as cluster({"enable_autopilot": true})
}

# A pool built from an unknown project id is unknown: undetermined.
test_unknown_pool_named if {
	r := fx.unknown(cluster({"workload_identity_config": [{}]}), ["workload_identity_config[0].workload_pool"])
	[f] := [f | some f in policy.deny with input.resource as r]
	f.paths[0] == "workload_identity_config[0].workload_pool"
}
