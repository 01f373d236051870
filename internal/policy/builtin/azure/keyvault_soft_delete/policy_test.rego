package onus.azure.keyvault_soft_delete_test

import data.onus.azure.keyvault_soft_delete as p
import data.onus.lib.azure.fixture as fx

deny(r) := d if {
	d := p.deny with input.resource as r with input.params as {"min_retention_days": 30}
}

tf(attrs) := fx.tf("azurerm_key_vault", "kv", attrs)

arm(props) := fx.arm("Microsoft.KeyVault/vaults", "kv", props)

test_defaults_pass if {
	count(deny(tf({}))) == 0
	count(deny(arm({}))) == 0
}

test_short_retention if {
	[f] := [f | some f in deny(tf({"soft_delete_retention_days": 7}))]
	f.path == "soft_delete_retention_days"
	[g] := [g | some g in deny(arm({"softDeleteRetentionInDays": 14}))]
	g.path == "softDeleteRetentionInDays"
	count(deny(tf({"soft_delete_retention_days": 30}))) == 0
}

test_soft_delete_off if {
	[f] := [f | some f in deny(tf({"soft_delete_enabled": false}))]
	f.path == "soft_delete_enabled"
	[g] := [g | some g in deny(arm({"enableSoftDelete": false, "softDeleteRetentionInDays": 7}))]
	g.path == "enableSoftDelete"
	count(deny(tf({"soft_delete_enabled": true}))) == 0
}

test_unknown if {
	[f] := [f | some f in deny(fx.unknown(tf({}), ["soft_delete_retention_days"]))]
	f.path == "soft_delete_retention_days"
	[g] := [g | some g in deny(fx.unknown(arm({}), ["enableSoftDelete"]))]
	g.path == "enableSoftDelete"
}
