package onus.azure.sql_database_tde_test

import data.onus.azure.sql_database_tde
import data.onus.lib.azure.fixture as fx

deny(r) := d if {
	d := sql_database_tde.deny with input.resource as r
}

test_terraform if {
	[f] := [f | some f in deny(fx.tf("azurerm_mssql_database", "d", {"transparent_data_encryption_enabled": false}))]
	f.path == "transparent_data_encryption_enabled"
	count(deny(fx.tf("azurerm_mssql_database", "d", {}))) == 0
	count(deny(fx.tf("azurerm_mssql_database", "d", {"transparent_data_encryption_enabled": true}))) == 0
}

test_arm if {
	[f] := [f | some f in deny(fx.arm("Microsoft.Sql/servers/databases/transparentDataEncryption", "s/d/current", {"state": "Disabled"}))]
	f.path == "state"
	count(deny(fx.arm("Microsoft.Sql/servers/databases/transparentDataEncryption", "s/d/current", {"status": "Disabled"}))) == 1
	count(deny(fx.arm("Microsoft.Sql/servers/databases/transparentDataEncryption", "s/d/current", {"state": "Enabled"}))) == 0
}

test_unknown_undetermined if {
	[f] := [f | some f in deny(fx.unknown(fx.tf("azurerm_mssql_database", "d", {}), ["transparent_data_encryption_enabled"]))]
	f.path == "transparent_data_encryption_enabled"
	[g] := [g | some g in deny(fx.unknown(fx.arm("Microsoft.Sql/servers/databases/transparentDataEncryption", "s/d/current", {}), ["state"]))]
	g.path == "state"
}
