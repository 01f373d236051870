package onus.azure.sql_entra_admin_test

import data.onus.azure.sql_entra_admin
import data.onus.lib.azure.fixture as fx

deny(r, rs) := d if {
	d := sql_entra_admin.deny with input.resource as r with data.onus.estate as fx.estate(array.concat([r], rs))
}

test_no_administrator if {
	[f] := [f | some f in deny(fx.tf("azurerm_mssql_server", "s", {"administrator_login": "sa"}), [])]
	f.path == "azuread_administrator"
}

test_administrator_block if {
	count(deny(fx.tf("azurerm_mssql_server", "s", {"azuread_administrator": [{"login_username": "dbas", "object_id": "x"}]}), [])) == 0
}

test_block_with_unknown_fields_counts if {
	r := fx.unknown(fx.tf("azurerm_mssql_server", "s", {"azuread_administrator": [{}]}), ["azuread_administrator[0].object_id", "azuread_administrator[0].login_username"])
	count(deny(r, [])) == 0
}

test_unknown_block_undetermined if {
	r := fx.unknown(fx.tf("azurerm_mssql_server", "s", {}), ["azuread_administrator"])
	[f] := [f | some f in deny(r, [])]
	f.path == "azuread_administrator"
}

test_arm_property if {
	count(deny(fx.arm("Microsoft.Sql/servers", "s", {"administrators": {"administratorType": "ActiveDirectory", "login": "dbas"}}), [])) == 0
	[f] := [f | some f in deny(fx.arm("Microsoft.Sql/servers", "s", {}), [])]
	f.path == "administrators"
}

test_arm_child if {
	s := fx.arm("Microsoft.Sql/servers", "s", {})
	c := fx.refs(fx.arm("Microsoft.Sql/servers/administrators", "s/ActiveDirectory", {"administratorType": "ActiveDirectory", "login": "dbas"}), {"_resource.parent": [s.id]})
	count(deny(s, [c])) == 0
	other := fx.arm("Microsoft.Sql/servers/administrators", "other/ActiveDirectory", {"login": "dbas"})
	count(deny(s, [other])) == 1
}

test_arm_unknown_undetermined if {
	r := fx.unknown(fx.arm("Microsoft.Sql/servers", "s", {}), ["administrators"])
	[f] := [f | some f in deny(r, [])]
	f.path == "administrators"
}
