package onus.azure.storage_min_tls_test

import data.onus.azure.storage_min_tls as p
import data.onus.lib.azure.fixture as fx

deny(r) := d if {
	d := p.deny with input.resource as r
}

tf(attrs) := fx.tf("azurerm_storage_account", "a", attrs)

arm(props) := fx.arm("Microsoft.Storage/storageAccounts", "st", props)

test_tf if {
	count(deny(tf({}))) == 0
	count(deny(tf({"min_tls_version": "TLS1_2"}))) == 0
	[f] := [f | some f in deny(tf({"min_tls_version": "TLS1_1"}))]
	f.path == "min_tls_version"
}

test_arm_default_is_tls10 if {
	[f] := [f | some f in deny(arm({}))]
	f.path == "minimumTlsVersion"
	count(deny(arm({"minimumTlsVersion": "TLS1_2"}))) == 0
	count(deny(arm({"minimumTlsVersion": "TLS1_3"}))) == 0
	count(deny(arm({"minimumTlsVersion": "TLS1_0"}))) == 1
}

test_unknown if {
	[f] := [f | some f in deny(fx.unknown(tf({}), ["min_tls_version"]))]
	f.path == "min_tls_version"
	[g] := [g | some g in deny(fx.unknown(arm({}), ["minimumTlsVersion"]))]
	g.path == "minimumTlsVersion"
}
