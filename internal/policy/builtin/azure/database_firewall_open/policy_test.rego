package onus.azure.database_firewall_open_test

import data.onus.azure.database_firewall_open
import data.onus.lib.azure.fixture as fx

deny(r) := d if {
	d := database_firewall_open.deny with input.resource as r
}

tf_rule(type, start, end) := fx.tf(type, "r", {"start_ip_address": start, "end_ip_address": end})

arm_rule(type, start, end) := fx.arm(type, "srv/r", {"startIpAddress": start, "endIpAddress": end})

test_sql_all_addresses if {
	[f] := [f | some f in deny(tf_rule("azurerm_mssql_firewall_rule", "0.0.0.0", "255.255.255.255"))]
	f.paths == ["start_ip_address", "end_ip_address"]
	contains(f.msg, "all addresses")
}

test_flexible_servers_and_legacy if {
	count(deny(tf_rule("azurerm_postgresql_flexible_server_firewall_rule", "0.0.0.0", "255.255.255.255"))) == 1
	count(deny(tf_rule("azurerm_mysql_flexible_server_firewall_rule", "0.0.0.0", "255.255.255.255"))) == 1
	count(deny(tf_rule("azurerm_sql_firewall_rule", "0.0.0.0", "255.255.255.255"))) == 1
}

test_half_the_internet if {
	count(deny(tf_rule("azurerm_mssql_firewall_rule", "128.0.0.0", "255.255.255.255"))) == 1
	count(deny(tf_rule("azurerm_mssql_firewall_rule", "128.0.0.1", "255.255.255.255"))) == 0
}

test_narrow_ranges_pass if {
	count(deny(tf_rule("azurerm_mssql_firewall_rule", "203.0.113.0", "203.0.113.255"))) == 0
	count(deny(tf_rule("azurerm_mssql_firewall_rule", "0.0.0.0", "0.0.0.0"))) == 0
}

test_arm_rules if {
	[f] := [f | some f in deny(arm_rule("Microsoft.Sql/servers/firewallRules", "0.0.0.0", "255.255.255.255"))]
	f.paths == ["startIpAddress", "endIpAddress"]
	count(deny(arm_rule("Microsoft.DBforPostgreSQL/flexibleServers/firewallRules", "0.0.0.0", "255.255.255.255"))) == 1
	count(deny(arm_rule("Microsoft.DBforMySQL/flexibleServers/firewallRules", "10.0.0.0", "10.255.255.255"))) == 0
}

test_not_an_address_passes if {
	count(deny(tf_rule("azurerm_mssql_firewall_rule", "0.0.0.0", "256.0.0.0"))) == 0
}

# An unknown start with a high end could be the whole internet: reported
# on the unknown path, so the engine counts it undetermined.
test_unknown_start_undetermined if {
	r := fx.unknown(fx.tf("azurerm_mssql_firewall_rule", "r", {"end_ip_address": "255.255.255.255"}), ["start_ip_address"])
	[f] := [f | some f in deny(r)]
	"start_ip_address" in f.paths
	contains(f.msg, "known only at deployment")
}

test_unknown_start_low_end_passes if {
	r := fx.unknown(fx.tf("azurerm_mssql_firewall_rule", "r", {"end_ip_address": "10.0.0.5"}), ["start_ip_address"])
	count(deny(r)) == 0
}

test_arm_unknown_end_undetermined if {
	r := fx.unknown(fx.arm("Microsoft.Sql/servers/firewallRules", "srv/r", {"startIpAddress": "0.0.0.0"}), ["endIpAddress"])
	[f] := [f | some f in deny(r)]
	"endIpAddress" in f.paths
}
