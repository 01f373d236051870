package onus.gcp.gke_private_nodes_test

import data.onus.gcp.gke_private_nodes as policy
import data.onus.lib.gcp.fixture as fx

cluster(attrs) := fx.tf("google_container_cluster", "c", object.union({"name": "c", "location": "europe-west1"}, attrs))

test_unset if {
	[f] := [f | some f in policy.deny with input.resource as cluster({})]
	f.path == "private_cluster_config[0].enable_private_nodes"
}

test_private if {
	count(policy.deny) == 0 with input.resource as cluster({"private_cluster_config": [{"enable_private_nodes": true, "master_ipv4_cidr_block": "172.16.0.0/28"}]})
}

test_disabled if {
	count(policy.deny) == 1 with input.resource as cluster({"private_cluster_config": [{"enable_private_nodes": false}]})
}

test_unknown_named if {
	r := fx.unknown(cluster({"private_cluster_config": [{}]}), ["private_cluster_config[0].enable_private_nodes"])
	[f] := [f | some f in policy.deny with input.resource as r]
	f.path == "private_cluster_config[0].enable_private_nodes"
}
