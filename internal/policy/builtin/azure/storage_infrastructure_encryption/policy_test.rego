package onus.azure.storage_infrastructure_encryption_test

import data.onus.azure.storage_infrastructure_encryption as p
import data.onus.lib.azure.fixture as fx

deny(r) := d if {
	d := p.deny with input.resource as r
}

tf(attrs) := fx.tf("azurerm_storage_account", "a", attrs)

arm(props) := fx.arm("Microsoft.Storage/storageAccounts", "st", props)

test_off_by_default if {
	[f] := [f | some f in deny(tf({}))]
	f.path == "infrastructure_encryption_enabled"
	[g] := [g | some g in deny(arm({"encryption": {"keySource": "Microsoft.Storage"}}))]
	g.path == "encryption.requireInfrastructureEncryption"
}

test_on if {
	count(deny(tf({"infrastructure_encryption_enabled": true}))) == 0
	count(deny(arm({"encryption": {"requireInfrastructureEncryption": true}}))) == 0
}

test_unknown if {
	[f] := [f | some f in deny(fx.unknown(tf({}), ["infrastructure_encryption_enabled"]))]
	f.path == "infrastructure_encryption_enabled"
	[g] := [g | some g in deny(fx.unknown(arm({}), ["encryption"]))]
	g.path == "encryption.requireInfrastructureEncryption"
}
