package onus.azure.database_firewall_azure_services_test

import data.onus.azure.database_firewall_azure_services
import data.onus.lib.azure.fixture as fx

deny(r) := d if {
	d := database_firewall_azure_services.deny with input.resource as r
}

test_terraform_rules if {
	[f] := [f | some f in deny(fx.tf("azurerm_mssql_firewall_rule", "r", {"start_ip_address": "0.0.0.0", "end_ip_address": "0.0.0.0"}))]
	f.paths == ["start_ip_address", "end_ip_address"]
	count(deny(fx.tf("azurerm_postgresql_flexible_server_firewall_rule", "r", {"start_ip_address": "0.0.0.0", "end_ip_address": "0.0.0.0"}))) == 1
	count(deny(fx.tf("azurerm_mysql_flexible_server_firewall_rule", "r", {"start_ip_address": "0.0.0.0", "end_ip_address": "0.0.0.0"}))) == 1
}

test_arm_rule if {
	[f] := [f | some f in deny(fx.arm("Microsoft.Sql/servers/firewallRules", "srv/AllowAllWindowsAzureIps", {"startIpAddress": "0.0.0.0", "endIpAddress": "0.0.0.0"}))]
	f.paths == ["startIpAddress", "endIpAddress"]
}

test_other_ranges_pass if {
	count(deny(fx.tf("azurerm_mssql_firewall_rule", "r", {"start_ip_address": "0.0.0.0", "end_ip_address": "255.255.255.255"}))) == 0
	count(deny(fx.arm("Microsoft.DBforMySQL/flexibleServers/firewallRules", "srv/r", {"startIpAddress": "10.0.0.1", "endIpAddress": "10.0.0.1"}))) == 0
}

test_unknown_end_undetermined if {
	r := fx.unknown(fx.tf("azurerm_mssql_firewall_rule", "r", {"start_ip_address": "0.0.0.0"}), ["end_ip_address"])
	[f] := [f | some f in deny(r)]
	"end_ip_address" in f.paths
}

test_unknown_end_after_other_start_passes if {
	r := fx.unknown(fx.tf("azurerm_mssql_firewall_rule", "r", {"start_ip_address": "10.0.0.0"}), ["end_ip_address"])
	count(deny(r)) == 0
}

test_cosmos_azure_datacenters if {
	[f] := [f | some f in deny(fx.tf("azurerm_cosmosdb_account", "a", {"ip_range_filter": ["10.0.0.0/8", "0.0.0.0"]}))]
	f.paths[0] == "ip_range_filter[1]"
	[g] := [g | some g in deny(fx.arm("Microsoft.DocumentDB/databaseAccounts", "a", {"ipRules": [{"ipAddressOrRange": "0.0.0.0"}]}))]
	g.paths[0] == "ipRules[0].ipAddressOrRange"
}

test_cosmos_other_filters_and_private_pass if {
	count(deny(fx.tf("azurerm_cosmosdb_account", "a", {"ip_range_filter": ["10.0.0.0/8"]}))) == 0
	count(deny(fx.tf("azurerm_cosmosdb_account", "a", {"public_network_access_enabled": false, "ip_range_filter": ["0.0.0.0"]}))) == 0
	count(deny(fx.arm("Microsoft.DocumentDB/databaseAccounts", "a", {"publicNetworkAccess": "Disabled", "ipRules": [{"ipAddressOrRange": "0.0.0.0"}]}))) == 0
}

test_cosmos_unknown_access_undetermined if {
	r := fx.unknown(fx.tf("azurerm_cosmosdb_account", "a", {"ip_range_filter": ["0.0.0.0"]}), ["public_network_access_enabled"])
	[f] := [f | some f in deny(r)]
	"public_network_access_enabled" in f.paths
}
