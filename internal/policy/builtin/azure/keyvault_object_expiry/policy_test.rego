package onus.azure.keyvault_object_expiry_test

import data.onus.azure.keyvault_object_expiry as p
import data.onus.lib.azure.fixture as fx

deny(r) := d if {
	d := p.deny with input.resource as r
}

test_tf if {
	[f] := [f | some f in deny(fx.tf("azurerm_key_vault_secret", "s", {"name": "db"}))]
	f.path == "expiration_date"
	f.msg == "the secret has no expiration date"
	count(deny(fx.tf("azurerm_key_vault_key", "k", {"expiration_date": "2027-01-01T00:00:00Z"}))) == 0
}

test_tf_computed_date_counts_as_set if {
	k := fx.refs(fx.unknown(fx.tf("azurerm_key_vault_key", "k", {}), ["expiration_date"]), {"expiration_date": ["m::time_offset.year"]})
	count(deny(k)) == 0
}

test_arm if {
	[f] := [f | some f in deny(fx.arm("Microsoft.KeyVault/vaults/keys", "kv/cmk", {"kty": "RSA"}))]
	f.path == "attributes.exp"
	f.msg == "the key has no expiration date"
	count(deny(fx.arm("Microsoft.KeyVault/vaults/secrets", "kv/db", {"attributes": {"exp": 1798761600}}))) == 0
}

test_unknown if {
	[f] := [f | some f in deny(fx.unknown(fx.tf("azurerm_key_vault_secret", "s", {}), ["expiration_date"]))]
	f.path == "expiration_date"
	[g] := [g | some g in deny(fx.unknown(fx.arm("Microsoft.KeyVault/vaults/secrets", "kv/db", {}), ["attributes"]))]
	g.path == "attributes.exp"
}
