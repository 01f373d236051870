package onus.azure.storage_public_container_test

import data.onus.azure.storage_public_container as p
import data.onus.lib.azure.fixture as fx

deny(r) := d if {
	d := p.deny with input.resource as r
}

tf(attrs) := fx.tf("azurerm_storage_container", "c", attrs)

arm(attrs) := fx.arm("Microsoft.Storage/storageAccounts/blobServices/containers", "st/default/c", attrs)

test_tf if {
	count(deny(tf({}))) == 0
	count(deny(tf({"container_access_type": "private"}))) == 0
	[f] := [f | some f in deny(tf({"container_access_type": "blob"}))]
	f.path == "container_access_type"
	count(deny(tf({"container_access_type": "container"}))) == 1
}

test_arm if {
	count(deny(arm({}))) == 0
	count(deny(arm({"publicAccess": "None"}))) == 0
	[f] := [f | some f in deny(arm({"publicAccess": "Container"}))]
	f.path == "publicAccess"
	count(deny(arm({"publicAccess": "Blob"}))) == 1
}

test_unknown if {
	[f] := [f | some f in deny(fx.unknown(tf({}), ["container_access_type"]))]
	f.path == "container_access_type"
	[g] := [g | some g in deny(fx.unknown(arm({}), ["publicAccess"]))]
	g.path == "publicAccess"
}
