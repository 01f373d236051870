package onus.azure.keyvault_network_default_allow_test

import data.onus.azure.keyvault_network_default_allow as p
import data.onus.lib.azure.fixture as fx

deny(r) := d if {
	d := p.deny with input.resource as r
}

tf(attrs) := fx.tf("azurerm_key_vault", "kv", attrs)

arm(props) := fx.arm("Microsoft.KeyVault/vaults", "kv", props)

test_tf if {
	[f] := [f | some f in deny(tf({}))]
	f.paths == ["network_acls", "public_network_access_enabled"]
	count(deny(tf({"network_acls": [{"default_action": "Deny", "bypass": "AzureServices"}]}))) == 0
	count(deny(tf({"network_acls": [{"default_action": "Allow", "bypass": "AzureServices"}]}))) == 1
	count(deny(tf({"public_network_access_enabled": false}))) == 0
}

test_arm if {
	[f] := [f | some f in deny(arm({}))]
	f.paths == ["networkAcls.defaultAction", "publicNetworkAccess"]
	count(deny(arm({"networkAcls": {"defaultAction": "Deny"}}))) == 0
	count(deny(arm({"publicNetworkAccess": "Disabled"}))) == 0
	count(deny(arm({"publicNetworkAccess": "enabled", "networkAcls": {"defaultAction": "Allow"}}))) == 1
}

test_unknown if {
	[f] := [f | some f in deny(fx.unknown(tf({}), ["network_acls"]))]
	f.path == "network_acls[0].default_action"
	[g] := [g | some g in deny(fx.unknown(arm({}), ["publicNetworkAccess"]))]
	g.paths == ["networkAcls.defaultAction", "publicNetworkAccess"]
}
