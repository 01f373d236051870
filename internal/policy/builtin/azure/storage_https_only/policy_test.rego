package onus.azure.storage_https_only_test

import data.onus.azure.storage_https_only as p
import data.onus.lib.azure.fixture as fx

deny(r) := d if {
	d := p.deny with input.resource as r
}

tf(attrs) := fx.tf("azurerm_storage_account", "a", attrs)

arm(props, api) := fx.arm("Microsoft.Storage/storageAccounts", "st", object.union(props, {"_resource": {"apiVersion": api}}))

test_tf_default_is_https if {
	count(deny(tf({}))) == 0
}

test_tf_v4_and_v3_arguments if {
	[f] := [f | some f in deny(tf({"https_traffic_only_enabled": false}))]
	f.path == "https_traffic_only_enabled"
	[g] := [g | some g in deny(tf({"enable_https_traffic_only": false}))]
	g.path == "enable_https_traffic_only"
	count(deny(tf({"enable_https_traffic_only": true}))) == 0
}

test_tf_unknown if {
	[f] := [f | some f in deny(fx.unknown(tf({}), ["https_traffic_only_enabled"]))]
	f.path == "https_traffic_only_enabled"
}

test_arm_default_depends_on_api_version if {
	count(deny(arm({}, "2019-04-01"))) == 0
	[f] := [f | some f in deny(arm({}, "2018-07-01"))]
	f.path == "supportsHttpsTrafficOnly"
}

test_arm_explicit if {
	count(deny(arm({"supportsHttpsTrafficOnly": false}, "2023-01-01"))) == 1
	count(deny(arm({"supportsHttpsTrafficOnly": "true"}, "2018-07-01"))) == 0
}

test_arm_unknown if {
	[f] := [f | some f in deny(fx.unknown(arm({}, "2023-01-01"), ["supportsHttpsTrafficOnly"]))]
	f.path == "supportsHttpsTrafficOnly"
}

test_null_is_unset if {
	count(deny(tf({"https_traffic_only_enabled": null}))) == 0
	count(deny(arm({"supportsHttpsTrafficOnly": null}, "2023-01-01"))) == 0
}
