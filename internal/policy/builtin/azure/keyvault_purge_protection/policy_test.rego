package onus.azure.keyvault_purge_protection_test

import data.onus.azure.keyvault_purge_protection as p
import data.onus.lib.azure.fixture as fx

deny(r) := d if {
	d := p.deny with input.resource as r
}

tf(attrs) := fx.tf("azurerm_key_vault", "kv", attrs)

arm(props) := fx.arm("Microsoft.KeyVault/vaults", "kv", props)

test_off_by_default if {
	[f] := [f | some f in deny(tf({}))]
	f.path == "purge_protection_enabled"
	[g] := [g | some g in deny(arm({}))]
	g.path == "enablePurgeProtection"
}

test_on if {
	count(deny(tf({"purge_protection_enabled": true}))) == 0
	count(deny(arm({"enablePurgeProtection": true}))) == 0
	count(deny(arm({"enablePurgeProtection": "true"}))) == 0
}

test_explicitly_off if {
	count(deny(tf({"purge_protection_enabled": false}))) == 1
	count(deny(arm({"enablePurgeProtection": false}))) == 1
}

test_unknown if {
	[f] := [f | some f in deny(fx.unknown(tf({}), ["purge_protection_enabled"]))]
	f.path == "purge_protection_enabled"
	[g] := [g | some g in deny(fx.unknown(arm({}), ["enablePurgeProtection"]))]
	g.path == "enablePurgeProtection"
}
