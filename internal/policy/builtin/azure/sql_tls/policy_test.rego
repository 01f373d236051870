package onus.azure.sql_tls_test

import data.onus.azure.sql_tls
import data.onus.lib.azure.fixture as fx

deny(r) := d if {
	d := sql_tls.deny with input.resource as r
}

test_terraform_old_versions if {
	[f] := [f | some f in deny(fx.tf("azurerm_mssql_server", "s", {"minimum_tls_version": "1.1"}))]
	f.path == "minimum_tls_version"
	contains(f.msg, "TLS 1.1")
	[g] := [g | some g in deny(fx.tf("azurerm_mssql_server", "s", {"minimum_tls_version": "Disabled"}))]
	contains(g.msg, "no minimum")
}

test_terraform_default_and_modern_pass if {
	count(deny(fx.tf("azurerm_mssql_server", "s", {}))) == 0
	count(deny(fx.tf("azurerm_mssql_server", "s", {"minimum_tls_version": "1.2"}))) == 0
	count(deny(fx.tf("azurerm_mssql_server", "s", {"minimum_tls_version": "1.3"}))) == 0
}

test_arm if {
	[f] := [f | some f in deny(fx.arm("Microsoft.Sql/servers", "s", {"minimalTlsVersion": "1.0"}))]
	f.path == "minimalTlsVersion"
	count(deny(fx.arm("Microsoft.Sql/servers", "s", {"minimalTlsVersion": "None"}))) == 1
	count(deny(fx.arm("Microsoft.Sql/servers", "s", {"minimalTlsVersion": "1.2"}))) == 0
	count(deny(fx.arm("Microsoft.Sql/servers", "s", {}))) == 0
}

test_unknown_undetermined if {
	[f] := [f | some f in deny(fx.unknown(fx.tf("azurerm_mssql_server", "s", {}), ["minimum_tls_version"]))]
	f.path == "minimum_tls_version"
	[g] := [g | some g in deny(fx.unknown(fx.arm("Microsoft.Sql/servers", "s", {}), ["minimalTlsVersion"]))]
	g.path == "minimalTlsVersion"
}
