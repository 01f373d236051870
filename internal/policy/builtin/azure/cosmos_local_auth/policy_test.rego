package onus.azure.cosmos_local_auth_test

import data.onus.azure.cosmos_local_auth
import data.onus.lib.azure.fixture as fx

deny(r) := d if {
	d := cosmos_local_auth.deny with input.resource as r
}

test_terraform if {
	[f] := [f | some f in deny(fx.tf("azurerm_cosmosdb_account", "a", {}))]
	f.path == "local_authentication_disabled"
	count(deny(fx.tf("azurerm_cosmosdb_account", "a", {"local_authentication_disabled": false}))) == 1
	count(deny(fx.tf("azurerm_cosmosdb_account", "a", {"local_authentication_disabled": true}))) == 0
}

test_arm if {
	[f] := [f | some f in deny(fx.arm("Microsoft.DocumentDB/databaseAccounts", "a", {}))]
	f.path == "disableLocalAuth"
	count(deny(fx.arm("Microsoft.DocumentDB/databaseAccounts", "a", {"disableLocalAuth": "true"}))) == 0
	count(deny(fx.arm("Microsoft.DocumentDB/databaseAccounts", "a", {"disableLocalAuth": true}))) == 0
}

test_unknown_undetermined if {
	[f] := [f | some f in deny(fx.unknown(fx.tf("azurerm_cosmosdb_account", "a", {}), ["local_authentication_disabled"]))]
	f.path == "local_authentication_disabled"
}
