package onus.azure.disk_cmk_test

import data.onus.azure.disk_cmk as p
import data.onus.lib.azure.fixture as fx

deny(r) := d if {
	d := p.deny with input.resource as r
}

test_tf_managed_disk if {
	[f] := [f | some f in deny(fx.tf("azurerm_managed_disk", "d", {}))]
	f.path == "disk_encryption_set_id"
	count(deny(fx.tf("azurerm_managed_disk", "d", {"disk_encryption_set_id": "/subscriptions/x/des"}))) == 0
}

test_tf_reference_to_encryption_set if {
	d := fx.refs(fx.unknown(fx.tf("azurerm_managed_disk", "d", {}), ["disk_encryption_set_id"]), {"disk_encryption_set_id": ["m::azurerm_disk_encryption_set.des"]})
	count(deny(d)) == 0
}

test_tf_unknown if {
	[f] := [f | some f in deny(fx.unknown(fx.tf("azurerm_managed_disk", "d", {}), ["disk_encryption_set_id"]))]
	f.path == "disk_encryption_set_id"
}

test_tf_vm_and_scale_set if {
	[f] := [f | some f in deny(fx.tf("azurerm_linux_virtual_machine", "vm", {"os_disk": [{"caching": "ReadWrite"}]}))]
	f.path == "os_disk[0].disk_encryption_set_id"
	count(deny(fx.tf("azurerm_windows_virtual_machine", "vm", {"os_disk": [{"disk_encryption_set_id": "des"}]}))) == 0
	count(deny(fx.tf("azurerm_linux_virtual_machine", "vm", {"os_disk": [{"secure_vm_disk_encryption_set_id": "des"}]}))) == 0
	ss := fx.tf("azurerm_linux_virtual_machine_scale_set", "ss", {"os_disk": [{"disk_encryption_set_id": "des"}], "data_disk": [{"lun": 0}]})
	[g] := [g | some g in deny(ss)]
	g.path == "data_disk[0].disk_encryption_set_id"
}

test_arm_disk if {
	[f] := [f | some f in deny(fx.arm("Microsoft.Compute/disks", "d", {}))]
	f.path == "encryption.diskEncryptionSetId"
	count(deny(fx.arm("Microsoft.Compute/disks", "d", {"encryption": {"diskEncryptionSetId": "des"}}))) == 0
}

test_arm_vm if {
	vm := fx.arm("Microsoft.Compute/virtualMachines", "vm", {"storageProfile": {
		"osDisk": {"createOption": "FromImage"},
		"dataDisks": [
			{"lun": 0, "createOption": "Empty", "managedDisk": {"diskEncryptionSet": {"id": "des"}}},
			{"lun": 1, "createOption": "Empty"},
			{"lun": 2, "createOption": "Attach", "managedDisk": {"id": "disk"}},
		],
	}})
	paths := {f.path | some f in deny(vm)}
	paths == {"storageProfile.osDisk.managedDisk.diskEncryptionSet.id", "storageProfile.dataDisks[1].managedDisk.diskEncryptionSet.id"}
}

test_arm_scale_set_unknown if {
	ss := fx.unknown(fx.arm("Microsoft.Compute/virtualMachineScaleSets", "ss", {"virtualMachineProfile": {"storageProfile": {"osDisk": {}}}}), ["virtualMachineProfile.storageProfile.osDisk.managedDisk"])
	[f] := [f | some f in deny(ss)]
	f.path == "virtualMachineProfile.storageProfile.osDisk.managedDisk.diskEncryptionSet.id"
	startswith(f.msg, "the disk encryption set")
}
