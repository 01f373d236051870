package onus.gcp.gke_master_authorized_networks_test

import data.onus.gcp.gke_master_authorized_networks as policy
import data.onus.lib.gcp.fixture as fx

cluster(attrs) := fx.tf("google_container_cluster", "c", object.union({"name": "c", "location": "europe-west1"}, attrs))

test_unset if {
	[f] := [f | some f in policy.deny with input.resource as cluster({})]
	f.paths[0] == "master_authorized_networks_config"
}

test_narrow if {
	count(policy.deny) == 0 with input.resource as cluster({"master_authorized_networks_config": [{"cidr_blocks": [{"cidr_block": "203.0.113.0/24", "display_name": "office"}]}]})
}

test_empty_config_closes_endpoint if {
	count(policy.deny) == 0 with input.resource as cluster({"master_authorized_networks_config": [{}]})
}

test_open_block if {
	[f] := [f | some f in policy.deny with input.resource as cluster({"master_authorized_networks_config": [{"cidr_blocks": [{"cidr_block": "10.0.0.0/8"}, {"cidr_block": "0.0.0.0/0"}]}]})]
	f.paths[0] == "master_authorized_networks_config[0].cidr_blocks[1].cidr_block"
}

test_private_endpoint if {
	count(policy.deny) == 0 with input.resource as cluster({"private_cluster_config": [{"enable_private_nodes": true, "enable_private_endpoint": true}]})
}

# An unknown enable_private_endpoint is absent: the result names it and is
# undetermined.
test_unknown_private_endpoint_named if {
	r := fx.unknown(cluster({"private_cluster_config": [{"enable_private_nodes": true}]}), ["private_cluster_config[0].enable_private_endpoint"])
	[f] := [f | some f in policy.deny with input.resource as r]
	"private_cluster_config[0].enable_private_endpoint" in f.paths
}

test_unknown_block if {
	r := fx.unknown(cluster({"master_authorized_networks_config": [{"cidr_blocks": [{}]}]}), ["master_authorized_networks_config[0].cidr_blocks[0].cidr_block"])
	[f] := [f | some f in policy.deny with input.resource as r]
	f.paths[0] == "master_authorized_networks_config[0].cidr_blocks[0].cidr_block"
}
