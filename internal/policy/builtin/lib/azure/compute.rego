# METADATA
# title: Azure virtual machine facts
# description: |
#   Virtual machine settings, per format: azurerm_linux_virtual_machine,
#   azurerm_linux_virtual_machine_scale_set and the older
#   azurerm_virtual_machine for Terraform; Microsoft.Compute/virtualMachines
#   and Microsoft.Compute/virtualMachineScaleSets for ARM. Each fact is
#   {"value", "path", "unknown"} with the default of the current azurerm
#   major (4.x) for Terraform and the REST API default for ARM.
package onus.lib.azure.compute

import data.onus.lib.azure as az
import data.onus.lib.azure.facts

set(r, p) if az.configured(r, p)

set(r, p) if az.unknown(r, p)

# linux_config is where a resource's Linux settings live (only Linux
# machines have one; ARM and azurerm_virtual_machine declare the OS by the
# block they write).
linux_config := {
	"azurerm_virtual_machine": "os_profile_linux_config[0]",
	"Microsoft.Compute/virtualMachines": "osProfile.linuxConfiguration",
	"Microsoft.Compute/virtualMachineScaleSets": "virtualMachineProfile.osProfile.linuxConfiguration",
}

# password_auth_disabled: may users log in over SSH with a password?
# azurerm_linux_virtual_machine(_scale_set): disable_password_authentication,
# default true. azurerm_virtual_machine:
# os_profile_linux_config.disable_password_authentication (required).
# ARM: linuxConfiguration.disablePasswordAuthentication, default false.
password_auth_disabled(r) := facts.at(r, "disable_password_authentication", true) if {
	r.type in {"azurerm_linux_virtual_machine", "azurerm_linux_virtual_machine_scale_set"}
}

password_auth_disabled(r) := facts.at(r, concat(".", [base, "disable_password_authentication"]), false) if {
	r.type == "azurerm_virtual_machine"
	base := linux_config[r.type]
	set(r, "os_profile_linux_config")
}

password_auth_disabled(r) := facts.at(r, concat(".", [base, "disablePasswordAuthentication"]), false) if {
	r.kind == "arm"
	base := linux_config[r.type]
	set(r, base)
}

# cmk_disks returns the managed disks a resource creates, each as
# {"what", "path"}: path is where the disk encryption set that makes it
# encrypted with a customer-managed key is written (unset: Azure's
# platform-managed key). Disks a virtual machine attaches (createOption
# Attach) are judged as Microsoft.Compute/disks or azurerm_managed_disk
# themselves.
cmk_disks(r) := [{"what": "the managed disk", "path": "disk_encryption_set_id"}] if {
	r.type == "azurerm_managed_disk"
	not set(r, "secure_vm_disk_encryption_set_id")
}

cmk_disks(r) := [{"what": "the OS disk", "path": "os_disk[0].disk_encryption_set_id"}] if {
	r.type in {"azurerm_linux_virtual_machine", "azurerm_windows_virtual_machine"}
	not set(r, "os_disk[0].secure_vm_disk_encryption_set_id")
}

cmk_disks(r) := array.concat(
	[{"what": "the OS disk", "path": "os_disk[0].disk_encryption_set_id"}],
	[{"what": sprintf("data disk %d", [i]), "path": sprintf("data_disk[%d].disk_encryption_set_id", [i])} |
		some i, _ in object.get(r.attrs, "data_disk", [])
	],
) if r.type in {"azurerm_linux_virtual_machine_scale_set", "azurerm_windows_virtual_machine_scale_set"}

cmk_disks(r) := [{"what": "the managed disk", "path": "encryption.diskEncryptionSetId"}] if r.type == "Microsoft.Compute/disks"

cmk_disks(r) := arm_vm_disks(r, "storageProfile") if r.type == "Microsoft.Compute/virtualMachines"

cmk_disks(r) := arm_vm_disks(r, "virtualMachineProfile.storageProfile") if r.type == "Microsoft.Compute/virtualMachineScaleSets"

arm_vm_disks(r, base) := array.concat(
	[{"what": "the OS disk", "path": concat(".", [base, "osDisk.managedDisk.diskEncryptionSet.id"])} |
		not attaches(az.get(r, concat(".", [base, "osDisk"]), {}))
		not az.configured(r, concat(".", [base, "osDisk.vhd"]))
	],
	[{"what": sprintf("data disk %d", [i]), "path": sprintf("%s.dataDisks[%d].managedDisk.diskEncryptionSet.id", [base, i])} |
		some i, d in az.get(r, concat(".", [base, "dataDisks"]), [])
		not attaches(d)
		not d.vhd
	],
)

attaches(d) if lower(object.get(d, "createOption", "")) == "attach"

