package onus.gcp.gke_node_service_account_test

import data.onus.gcp.gke_node_service_account as policy
import data.onus.lib.gcp.fixture as fx

cluster(attrs) := fx.tf("google_container_cluster", "c", object.union({"name": "c", "location": "europe-west1"}, attrs))

pool(attrs) := fx.tf("google_container_node_pool", "p", object.union({"name": "p", "cluster": "c"}, attrs))

test_pool_default if {
	[f] := [f | some f in policy.deny with input.resource as pool({"node_config": [{"machine_type": "e2-standard-4"}]})]
	f.path == "node_config[0].service_account"
	count(policy.deny) == 1 with input.resource as pool({})
	count(policy.deny) == 1 with input.resource as pool({"node_config": [{"service_account": "default"}]})
}

test_pool_dedicated if {
	count(policy.deny) == 0 with input.resource as pool({"node_config": [{"service_account": "nodes@example.iam.gserviceaccount.com"}]})
}

# A reference to a google_service_account of the estate is unknown until
# apply, but it is certainly not the default account.
test_pool_reference if {
	r := fx.refs(fx.unknown(pool({"node_config": [{}]}), ["node_config[0].service_account"]), {"node_config[0].service_account": ["m::google_service_account.nodes"]})
	count(policy.deny) == 0 with input.resource as r
}

test_cluster_default_pool if {
	[f] := [f | some f in policy.deny with input.resource as cluster({"initial_node_count": 1})]
	f.paths[0] == "node_config[0].service_account"
}

test_cluster_removed_default_pool if {
	count(policy.deny) == 0 with input.resource as cluster({"remove_default_node_pool": true, "initial_node_count": 1})
	count(policy.deny) == 0 with input.resource as cluster({"enable_autopilot": true})
}

test_unknown_account_named if {
	r := fx.unknown(pool({"node_config": [{}]}), ["node_config[0].service_account"])
	[f] := [f | some f in policy.deny with input.resource as r]
	f.path == "node_config[0].service_account"
}
