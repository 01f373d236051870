package onus.azure.cosmos_public_network_test

import data.onus.azure.cosmos_public_network
import data.onus.lib.azure.fixture as fx

deny(r) := d if {
	d := cosmos_public_network.deny with input.resource as r
}

account(attrs) := fx.tf("azurerm_cosmosdb_account", "a", attrs)

arm_account(props) := fx.arm("Microsoft.DocumentDB/databaseAccounts", "a", props)

test_default_open if {
	[f] := [f | some f in deny(account({"offer_type": "Standard"}))]
	f.paths[0] == "public_network_access_enabled"
}

test_restricted_passes if {
	count(deny(account({"public_network_access_enabled": false}))) == 0
	count(deny(account({"ip_range_filter": ["203.0.113.0/24"]}))) == 0
	count(deny(account({"ip_range_filter": "203.0.113.0/24,198.51.100.7"}))) == 0
	count(deny(account({"is_virtual_network_filter_enabled": true}))) == 0
}

test_open_ip_entry if {
	[f] := [f | some f in deny(account({"ip_range_filter": ["10.0.0.0/8", "0.0.0.0/0"]}))]
	f.paths[0] == "ip_range_filter[1]"
	[g] := [g | some g in deny(account({"ip_range_filter": "10.0.0.0/8, 0.0.0.0/0"}))]
	g.paths[0] == "ip_range_filter"
}

test_azure_datacenters_entry_is_a_filter if {
	count(deny(account({"ip_range_filter": ["0.0.0.0"]}))) == 0
}

test_arm if {
	[f] := [f | some f in deny(arm_account({"publicNetworkAccess": "Enabled"}))]
	f.paths[0] == "publicNetworkAccess"
	count(deny(arm_account({}))) == 1
	count(deny(arm_account({"publicNetworkAccess": "Disabled"}))) == 0
	count(deny(arm_account({"ipRules": [{"ipAddressOrRange": "203.0.113.4"}]}))) == 0
	count(deny(arm_account({"isVirtualNetworkFilterEnabled": true}))) == 0
	[g] := [g | some g in deny(arm_account({"ipRules": [{"ipAddressOrRange": "0.0.0.0/0"}]}))]
	g.paths[0] == "ipRules[0].ipAddressOrRange"
}

test_unknown_public_undetermined if {
	r := fx.unknown(account({}), ["public_network_access_enabled"])
	[f] := [f | some f in deny(r)]
	f.paths[0] == "public_network_access_enabled"
}

test_unknown_filter_undetermined if {
	r := fx.unknown(arm_account({"publicNetworkAccess": "Enabled"}), ["ipRules"])
	[f] := [f | some f in deny(r)]
	"ipRules" in f.paths
}

test_unknown_entry_undetermined if {
	r := fx.unknown(arm_account({"ipRules": [{}]}), ["ipRules[0].ipAddressOrRange"])
	[f] := [f | some f in deny(r)]
	f.path == "ipRules[0].ipAddressOrRange"
}

test_unknown_entry_private_account_passes if {
	r := fx.unknown(arm_account({"publicNetworkAccess": "Disabled", "ipRules": [{}]}), ["ipRules[0].ipAddressOrRange"])
	count(deny(r)) == 0
}
