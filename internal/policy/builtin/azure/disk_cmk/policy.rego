# METADATA
# title: Managed disk is not encrypted with a customer-managed key
# description: |
#   Azure encrypts every managed disk with a platform-managed key; with a
#   customer-managed key, held in your Key Vault through a disk encryption
#   set, you decide who may use the key, can revoke it to make the data
#   unreadable, and see each use in the vault's logs. Checked on
#   azurerm_managed_disk (disk_encryption_set_id), the OS disk of
#   azurerm_linux_virtual_machine and azurerm_windows_virtual_machine and
#   the OS and data disks of their scale sets (os_disk and data_disk
#   disk_encryption_set_id), and on ARM Microsoft.Compute/disks
#   (encryption.diskEncryptionSetId), Microsoft.Compute/virtualMachines and
#   virtualMachineScaleSets (storageProfile osDisk and dataDisks
#   managedDisk.diskEncryptionSet.id). Disks a machine attaches are judged
#   as disks; confidential-VM disk encryption sets count.
# related_resources:
#   - ref: https://learn.microsoft.com/en-us/azure/virtual-machines/disk-encryption
# custom:
#   id: ONUS-AZ-037
#   severity: low
#   category: encryption
#   layer: data-access
#   targets:
#     - kind: terraform
#       types: [azurerm_linux_virtual_machine, azurerm_linux_virtual_machine_scale_set, azurerm_managed_disk,
#               azurerm_windows_virtual_machine, azurerm_windows_virtual_machine_scale_set]
#     - kind: arm
#       types: ["Microsoft.Compute/disks", "Microsoft.Compute/virtualMachines", "Microsoft.Compute/virtualMachineScaleSets"]
#   controls:
#     cis-azure: ["7.3", "7.4"]
#     nist-800-53: ["SC-12", "SC-28", "SC-28(1)"]
#     csa-ccm: ["CEK-03", "CEK-08"]
#   remediation: |
#     Create an azurerm_disk_encryption_set (Microsoft.Compute/diskEncryptionSets)
#     with a Key Vault key and set disk_encryption_set_id on the
#     azurerm_managed_disk or in the os_disk / data_disk block; in ARM set
#     encryption.diskEncryptionSetId on Microsoft.Compute/disks, or
#     managedDisk.diskEncryptionSet.id on the osDisk and dataDisks of the
#     virtual machine.
package onus.azure.disk_cmk

import data.onus.lib.azure as az
import data.onus.lib.azure.compute

r := input.resource

deny contains {"msg": sprintf("%s is encrypted with a platform-managed key, not yours", [d.what]), "path": d.path} if {
	some d in compute.cmk_disks(r)
	not az.configured(r, d.path)
	not az.unknown(r, d.path)
}

deny contains {"msg": sprintf("the disk encryption set of %s is unknown until deployment", [d.what]), "path": d.path} if {
	some d in compute.cmk_disks(r)
	not az.configured(r, d.path)
	az.unknown(r, d.path)
}
