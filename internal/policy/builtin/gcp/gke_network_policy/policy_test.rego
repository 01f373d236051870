package onus.gcp.gke_network_policy_test

import data.onus.gcp.gke_network_policy as policy
import data.onus.lib.gcp.fixture as fx

cluster(attrs) := fx.tf("google_container_cluster", "c", object.union({"name": "c", "location": "europe-west1"}, attrs))

test_unset if {
	[f] := [f | some f in policy.deny with input.resource as cluster({})]
	f.paths[0] == "network_policy[0].enabled"
}

test_calico if {
	count(policy.deny) == 0 with input.resource as cluster({"network_policy": [{"enabled": true, "provider": "CALICO"}]})
}

test_dataplane_v2 if {
	count(policy.deny) == 0 with input.resource as cluster({"datapath_provider": "ADVANCED_DATAPATH"})
}

test_autopilot if {
	count(policy.deny) == 0 with input.resource as cluster({"enable_autopilot": true})
}

test_disabled if {
	count(policy.deny) == 1 with input.resource as cluster({"network_policy": [{"enabled": false}], "datapath_provider": "LEGACY_DATAPATH"})
}

# An unknown datapath is absent: the result names it and is undetermined.
test_unknown_datapath_named if {
	[f] := [f | some f in policy.deny with input.resource as fx.unknown(cluster({}), ["datapath_provider"])]
	"datapath_provider" in f.paths
}
