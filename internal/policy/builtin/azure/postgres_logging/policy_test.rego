package onus.azure.postgres_logging_test

import data.onus.azure.postgres_logging
import data.onus.lib.azure.fixture as fx

deny(r) := d if {
	d := postgres_logging.deny with input.resource as r
}

pg(name, value) := fx.tf("azurerm_postgresql_flexible_server_configuration", "c", {"name": name, "value": value})

test_logging_off if {
	[f] := [f | some f in deny(pg("log_connections", "off"))]
	f.path == "value"
	contains(f.msg, "logins are not logged")
	count(deny(pg("LOG_DISCONNECTIONS", "OFF"))) == 1
	count(deny(pg("connection_throttle.enable", "off"))) == 1
}

test_on_and_other_parameters_pass if {
	count(deny(pg("log_connections", "on"))) == 0
	count(deny(pg("log_statement", "none"))) == 0
	count(deny(pg("log_min_duration_statement", "0"))) == 0
}

test_mysql_ignored if {
	count(deny(fx.tf("azurerm_mysql_flexible_server_configuration", "c", {"name": "log_connections", "value": "off"}))) == 0
}

test_arm if {
	[f] := [f | some f in deny(fx.arm("Microsoft.DBforPostgreSQL/flexibleServers/configurations", "pg/log_checkpoints", {"value": "OFF"}))]
	f.path == "value"
}

test_unknown_value_undetermined if {
	r := fx.unknown(fx.tf("azurerm_postgresql_flexible_server_configuration", "c", {"name": "log_connections"}), ["value"])
	[f] := [f | some f in deny(r)]
	f.path == "value"
}

test_unknown_name_undetermined if {
	r := fx.unknown(fx.tf("azurerm_postgresql_flexible_server_configuration", "c", {"value": "off"}), ["name"])
	[f] := [f | some f in deny(r)]
	f.paths == ["name", "value"]
}
