package onus.azure.storage_public_blob_access_test

import data.onus.azure.storage_public_blob_access as p
import data.onus.lib.azure.fixture as fx

deny(r) := d if {
	d := p.deny with input.resource as r
}

test_tf_default_allows if {
	[f] := [f | some f in deny(fx.tf("azurerm_storage_account", "a", {}))]
	f.path == "allow_nested_items_to_be_public"
}

test_tf_explicit if {
	count(deny(fx.tf("azurerm_storage_account", "a", {"allow_nested_items_to_be_public": true}))) == 1
	count(deny(fx.tf("azurerm_storage_account", "a", {"allow_nested_items_to_be_public": false}))) == 0
}

test_tf_unknown if {
	[f] := [f | some f in deny(fx.unknown(fx.tf("azurerm_storage_account", "a", {}), ["allow_nested_items_to_be_public"]))]
	f.path == "allow_nested_items_to_be_public"
}

arm(props, api) := fx.arm("Microsoft.Storage/storageAccounts", "st", object.union(props, {"_resource": {"apiVersion": api}}))

test_arm_default_depends_on_api_version if {
	count(deny(arm({}, "2023-01-01"))) == 0
	[f] := [f | some f in deny(arm({}, "2022-09-01"))]
	f.path == "allowBlobPublicAccess"
}

test_arm_explicit if {
	count(deny(arm({"allowBlobPublicAccess": true}, "2023-05-01"))) == 1
	count(deny(arm({"allowBlobPublicAccess": "false"}, "2021-01-01"))) == 0
}

test_arm_unknown_parameter if {
	[f] := [f | some f in deny(fx.unknown(arm({}, "2023-05-01"), ["allowBlobPublicAccess"]))]
	f.path == "allowBlobPublicAccess"
}
