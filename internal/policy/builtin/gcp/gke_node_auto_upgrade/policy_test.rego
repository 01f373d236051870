package onus.gcp.gke_node_auto_upgrade_test

import data.onus.gcp.gke_node_auto_upgrade as policy
import data.onus.lib.gcp.fixture as fx

pool(attrs) := fx.tf("google_container_node_pool", "p", object.union({"name": "p", "cluster": "c"}, attrs))

test_off if {
	paths := {f.path | some f in policy.deny with input.resource as pool({"management": [{"auto_upgrade": false, "auto_repair": false}]})}
	paths == {"management[0].auto_upgrade", "management[0].auto_repair"}
}

test_defaults if {
	count(policy.deny) == 0 with input.resource as pool({})
	count(policy.deny) == 0 with input.resource as pool({"management": [{"auto_upgrade": true}]})
}

test_unknown if {
	paths := {f.path | some f in policy.deny with input.resource as fx.unknown(pool({}), ["management"])}
	paths == {"management[0].auto_upgrade", "management[0].auto_repair"}
}
