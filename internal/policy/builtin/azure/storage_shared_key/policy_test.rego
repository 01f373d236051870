package onus.azure.storage_shared_key_test

import data.onus.azure.storage_shared_key as p
import data.onus.lib.azure.fixture as fx

deny(r) := d if {
	d := p.deny with input.resource as r
}

tf(attrs) := fx.tf("azurerm_storage_account", "a", attrs)

arm(props) := fx.arm("Microsoft.Storage/storageAccounts", "st", props)

test_on_by_default if {
	[f] := [f | some f in deny(tf({}))]
	f.path == "shared_access_key_enabled"
	[g] := [g | some g in deny(arm({}))]
	g.path == "allowSharedKeyAccess"
}

test_off if {
	count(deny(tf({"shared_access_key_enabled": false}))) == 0
	count(deny(arm({"allowSharedKeyAccess": false}))) == 0
	count(deny(arm({"allowSharedKeyAccess": true}))) == 1
}

test_unknown if {
	[f] := [f | some f in deny(fx.unknown(tf({}), ["shared_access_key_enabled"]))]
	f.path == "shared_access_key_enabled"
	[g] := [g | some g in deny(fx.unknown(arm({}), ["allowSharedKeyAccess"]))]
	g.path == "allowSharedKeyAccess"
}
