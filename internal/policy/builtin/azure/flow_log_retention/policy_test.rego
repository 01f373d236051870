package onus.azure.flow_log_retention_test

import data.onus.azure.flow_log_retention
import data.onus.lib.azure.fixture as fx

deny(r) := d if {
	d := flow_log_retention.deny with input.resource as r with input.params as {"min_days": 90}
}

flow(policy) := fx.tf("azurerm_network_watcher_flow_log", "f", {"enabled": true, "retention_policy": [policy]})

arm_flow(policy) := fx.arm("Microsoft.Network/networkWatchers/flowLogs", "nw/f", {"enabled": true, "retentionPolicy": policy})

test_short_retention if {
	[f] := [f | some f in deny(flow({"enabled": true, "days": 30}))]
	f.paths[0] == "retention_policy[0].days"
	contains(f.msg, "30 days")
}

test_long_disabled_forever_pass if {
	count(deny(flow({"enabled": true, "days": 90}))) == 0
	count(deny(flow({"enabled": false, "days": 7}))) == 0
	count(deny(flow({"enabled": true, "days": 0}))) == 0
}

test_arm if {
	[f] := [f | some f in deny(arm_flow({"enabled": true, "days": 7}))]
	f.paths[0] == "retentionPolicy.days"
	count(deny(arm_flow({"enabled": "false", "days": 7}))) == 0
	count(deny(arm_flow({"days": 365}))) == 0
}

test_unknown_undetermined if {
	r := fx.unknown(flow({"enabled": true}), ["retention_policy[0].days"])
	[f] := [f | some f in deny(r)]
	f.paths[0] == "retention_policy[0].days"
	a := fx.unknown(arm_flow({"days": 7}), ["retentionPolicy.enabled"])
	[g] := [g | some g in deny(a)]
	"retentionPolicy.enabled" in g.paths
}
