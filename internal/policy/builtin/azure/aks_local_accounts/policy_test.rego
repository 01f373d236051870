package onus.azure.aks_local_accounts_test

import data.onus.azure.aks_local_accounts as p
import data.onus.lib.azure.fixture as fx

deny(r) := d if {
	d := p.deny with input.resource as r
}

tf(attrs) := fx.tf("azurerm_kubernetes_cluster", "k", attrs)

arm(props) := fx.arm("Microsoft.ContainerService/managedClusters", "k", props)

test_enabled_by_default if {
	[f] := [f | some f in deny(tf({}))]
	f.path == "local_account_disabled"
	[g] := [g | some g in deny(arm({}))]
	g.path == "disableLocalAccounts"
}

test_disabled if {
	count(deny(tf({"local_account_disabled": true}))) == 0
	count(deny(arm({"disableLocalAccounts": true}))) == 0
	count(deny(arm({"disableLocalAccounts": false}))) == 1
}

test_unknown if {
	[f] := [f | some f in deny(fx.unknown(tf({}), ["local_account_disabled"]))]
	f.path == "local_account_disabled"
}
