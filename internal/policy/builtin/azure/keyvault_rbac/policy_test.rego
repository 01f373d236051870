package onus.azure.keyvault_rbac_test

import data.onus.azure.keyvault_rbac as p
import data.onus.lib.azure.fixture as fx

deny(r) := d if {
	d := p.deny with input.resource as r
}

tf(attrs) := fx.tf("azurerm_key_vault", "kv", attrs)

arm(props) := fx.arm("Microsoft.KeyVault/vaults", "kv", props)

test_access_policies_by_default if {
	[f] := [f | some f in deny(tf({}))]
	f.path == "rbac_authorization_enabled"
	[g] := [g | some g in deny(arm({}))]
	g.path == "enableRbacAuthorization"
}

test_rbac if {
	count(deny(tf({"rbac_authorization_enabled": true}))) == 0
	count(deny(tf({"enable_rbac_authorization": true}))) == 0
	count(deny(arm({"enableRbacAuthorization": true}))) == 0
}

test_older_argument if {
	[f] := [f | some f in deny(tf({"enable_rbac_authorization": false}))]
	f.path == "enable_rbac_authorization"
}

test_unknown if {
	[f] := [f | some f in deny(fx.unknown(tf({}), ["enable_rbac_authorization"]))]
	f.path == "enable_rbac_authorization"
	[g] := [g | some g in deny(fx.unknown(arm({}), ["enableRbacAuthorization"]))]
	g.path == "enableRbacAuthorization"
}
