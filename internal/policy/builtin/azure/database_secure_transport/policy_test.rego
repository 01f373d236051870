package onus.azure.database_secure_transport_test

import data.onus.azure.database_secure_transport
import data.onus.lib.azure.fixture as fx

deny(r) := d if {
	d := database_secure_transport.deny with input.resource as r
}

pg(name, value) := fx.tf("azurerm_postgresql_flexible_server_configuration", "c", {"name": name, "value": value})

mysql(name, value) := fx.tf("azurerm_mysql_flexible_server_configuration", "c", {"name": name, "value": value})

test_secure_transport_off if {
	[f] := [f | some f in deny(pg("require_secure_transport", "off"))]
	f.path == "value"
	count(deny(mysql("require_secure_transport", "OFF"))) == 1
	count(deny(pg("require_secure_transport", "on"))) == 0
}

test_old_tls if {
	[f] := [f | some f in deny(pg("ssl_min_protocol_version", "TLSv1"))]
	contains(f.msg, "TLSv1")
	count(deny(mysql("tls_version", "TLSv1.1,TLSv1.2"))) == 1
	count(deny(mysql("tls_version", "TLSv1.2,TLSv1.3"))) == 0
	count(deny(pg("ssl_min_protocol_version", "TLSv1.2"))) == 0
}

test_parameter_of_the_other_engine_ignored if {
	count(deny(pg("tls_version", "TLSv1"))) == 0
	count(deny(mysql("ssl_min_protocol_version", "TLSv1"))) == 0
}

test_other_parameters_ignored if {
	count(deny(pg("log_connections", "off"))) == 0
}

test_arm_child if {
	r := fx.arm("Microsoft.DBforPostgreSQL/flexibleServers/configurations", "orders-pg/require_secure_transport", {"value": "OFF", "source": "user-override"})
	[f] := [f | some f in deny(r)]
	f.path == "value"
	m := fx.arm("Microsoft.DBforMySQL/flexibleServers/configurations", "legacy/tls_version", {"value": "TLSv1"})
	count(deny(m)) == 1
	ok := fx.arm("Microsoft.DBforMySQL/flexibleServers/configurations", "legacy/require_secure_transport", {"value": "ON"})
	count(deny(ok)) == 0
}

test_unknown_value_undetermined if {
	r := fx.unknown(fx.tf("azurerm_mysql_flexible_server_configuration", "c", {"name": "require_secure_transport"}), ["value"])
	[f] := [f | some f in deny(r)]
	f.path == "value"
}

test_unknown_value_of_other_parameter_passes if {
	r := fx.unknown(fx.tf("azurerm_mysql_flexible_server_configuration", "c", {"name": "max_connections"}), ["value"])
	count(deny(r)) == 0
}

test_unknown_name_undetermined if {
	r := fx.unknown(fx.tf("azurerm_postgresql_flexible_server_configuration", "c", {"value": "off"}), ["name"])
	[f] := [f | some f in deny(r)]
	f.paths == ["name", "value"]
	a := fx.unknown(fx.arm("Microsoft.DBforMySQL/flexibleServers/configurations", "[parameters('p')]", {"value": "OFF"}), ["_resource.name"])
	[g] := [g | some g in deny(a)]
	g.paths[0] == "_resource.name"
}
