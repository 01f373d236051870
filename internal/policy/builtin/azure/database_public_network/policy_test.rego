package onus.azure.database_public_network_test

import data.onus.azure.database_public_network
import data.onus.lib.azure.fixture as fx

deny(r) := d if {
	d := database_public_network.deny with input.resource as r
}

test_sql_server_default_public if {
	[f] := [f | some f in deny(fx.tf("azurerm_mssql_server", "s", {"version": "12.0"}))]
	f.paths == ["public_network_access_enabled"]
	contains(f.msg, "SQL server")
}

test_sql_server_disabled if {
	count(deny(fx.tf("azurerm_mssql_server", "s", {"public_network_access_enabled": false}))) == 0
}

test_flexible_servers if {
	count(deny(fx.tf("azurerm_postgresql_flexible_server", "p", {"public_network_access_enabled": true}))) == 1
	count(deny(fx.tf("azurerm_mysql_flexible_server", "m", {}))) == 1
	count(deny(fx.tf("azurerm_mysql_flexible_server", "m", {"public_network_access_enabled": false}))) == 0
}

test_delegated_subnet_is_private if {
	r := fx.refs(fx.unknown(fx.tf("azurerm_postgresql_flexible_server", "p", {}), ["delegated_subnet_id"]), {"delegated_subnet_id": ["m::azurerm_subnet.db"]})
	count(deny(r)) == 0
	count(deny(fx.tf("azurerm_postgresql_flexible_server", "p", {"delegated_subnet_id": "/subscriptions/x/subnets/db"}))) == 0
}

test_arm_sql if {
	[f] := [f | some f in deny(fx.arm("Microsoft.Sql/servers", "s", {"publicNetworkAccess": "Enabled"}))]
	f.paths == ["publicNetworkAccess"]
	count(deny(fx.arm("Microsoft.Sql/servers", "s", {}))) == 1
	count(deny(fx.arm("Microsoft.Sql/servers", "s", {"publicNetworkAccess": "Disabled"}))) == 0
	count(deny(fx.arm("Microsoft.Sql/servers", "s", {"publicNetworkAccess": "SecuredByPerimeter"}))) == 0
}

test_arm_flexible if {
	[f] := [f | some f in deny(fx.arm("Microsoft.DBforPostgreSQL/flexibleServers", "p", {"network": {"publicNetworkAccess": "Enabled"}}))]
	f.paths == ["network.publicNetworkAccess"]
	count(deny(fx.arm("Microsoft.DBforMySQL/flexibleServers", "m", {}))) == 1
	count(deny(fx.arm("Microsoft.DBforMySQL/flexibleServers", "m", {"network": {"publicNetworkAccess": "Disabled"}}))) == 0
	r := fx.unknown(fx.arm("Microsoft.DBforPostgreSQL/flexibleServers", "p", {"network": {}}), ["network.delegatedSubnetResourceId"])
	count(deny(r)) == 0
}

test_unknown_access_undetermined if {
	r := fx.unknown(fx.tf("azurerm_mysql_flexible_server", "m", {}), ["public_network_access_enabled"])
	[f] := [f | some f in deny(r)]
	f.paths == ["public_network_access_enabled"]
	a := fx.unknown(fx.arm("Microsoft.Sql/servers", "s", {}), ["publicNetworkAccess"])
	[g] := [g | some g in deny(a)]
	g.paths == ["publicNetworkAccess"]
}
