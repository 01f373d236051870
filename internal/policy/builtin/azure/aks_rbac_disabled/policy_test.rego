package onus.azure.aks_rbac_disabled_test

import data.onus.azure.aks_rbac_disabled as p
import data.onus.lib.azure.fixture as fx

deny(r) := d if {
	d := p.deny with input.resource as r
}

tf(attrs) := fx.tf("azurerm_kubernetes_cluster", "k", attrs)

arm(props) := fx.arm("Microsoft.ContainerService/managedClusters", "k", props)

test_on_by_default if {
	count(deny(tf({}))) == 0
	count(deny(arm({}))) == 0
}

test_disabled if {
	[f] := [f | some f in deny(tf({"role_based_access_control_enabled": false}))]
	f.path == "role_based_access_control_enabled"
	[g] := [g | some g in deny(arm({"enableRBAC": false}))]
	g.path == "enableRBAC"
	count(deny(arm({"enableRBAC": "false"}))) == 1
}

test_azurerm_2_block if {
	[f] := [f | some f in deny(tf({"role_based_access_control": [{"enabled": false}]}))]
	f.path == "role_based_access_control[0].enabled"
	count(deny(tf({"role_based_access_control": [{"enabled": true}]}))) == 0
}

test_unknown if {
	[f] := [f | some f in deny(fx.unknown(tf({}), ["role_based_access_control_enabled"]))]
	f.path == "role_based_access_control_enabled"
	[g] := [g | some g in deny(fx.unknown(arm({}), ["enableRBAC"]))]
	g.path == "enableRBAC"
}
