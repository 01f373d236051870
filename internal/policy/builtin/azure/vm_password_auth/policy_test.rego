package onus.azure.vm_password_auth_test

import data.onus.azure.vm_password_auth as p
import data.onus.lib.azure.fixture as fx

deny(r) := d if {
	d := p.deny with input.resource as r
}

test_linux_vm if {
	count(deny(fx.tf("azurerm_linux_virtual_machine", "vm", {}))) == 0
	[f] := [f | some f in deny(fx.tf("azurerm_linux_virtual_machine", "vm", {"disable_password_authentication": false}))]
	f.path == "disable_password_authentication"
	count(deny(fx.tf("azurerm_linux_virtual_machine_scale_set", "ss", {"disable_password_authentication": false}))) == 1
}

test_legacy_vm if {
	count(deny(fx.tf("azurerm_virtual_machine", "vm", {"os_profile_windows_config": [{}]}))) == 0
	count(deny(fx.tf("azurerm_virtual_machine", "vm", {"os_profile_linux_config": [{"disable_password_authentication": true}]}))) == 0
	[f] := [f | some f in deny(fx.tf("azurerm_virtual_machine", "vm", {"os_profile_linux_config": [{"disable_password_authentication": false}]}))]
	f.path == "os_profile_linux_config[0].disable_password_authentication"
}

test_arm_vm if {
	count(deny(fx.arm("Microsoft.Compute/virtualMachines", "vm", {"osProfile": {"windowsConfiguration": {}}}))) == 0
	[f] := [f | some f in deny(fx.arm("Microsoft.Compute/virtualMachines", "vm", {"osProfile": {"linuxConfiguration": {}}}))]
	f.path == "osProfile.linuxConfiguration.disablePasswordAuthentication"
	count(deny(fx.arm("Microsoft.Compute/virtualMachines", "vm", {"osProfile": {"linuxConfiguration": {"disablePasswordAuthentication": true}}}))) == 0
}

test_arm_scale_set if {
	[f] := [f | some f in deny(fx.arm("Microsoft.Compute/virtualMachineScaleSets", "ss", {"virtualMachineProfile": {"osProfile": {"linuxConfiguration": {"disablePasswordAuthentication": false}}}}))]
	f.path == "virtualMachineProfile.osProfile.linuxConfiguration.disablePasswordAuthentication"
}

test_unknown if {
	[f] := [f | some f in deny(fx.unknown(fx.tf("azurerm_linux_virtual_machine", "vm", {}), ["disable_password_authentication"]))]
	f.path == "disable_password_authentication"
	r := fx.unknown(fx.arm("Microsoft.Compute/virtualMachines", "vm", {"osProfile": {"linuxConfiguration": {}}}), ["osProfile.linuxConfiguration.disablePasswordAuthentication"])
	[g] := [g | some g in deny(r)]
	g.path == "osProfile.linuxConfiguration.disablePasswordAuthentication"
}
