# METADATA
# title: Linux virtual machine allows SSH password authentication
# description: |
#   A Linux machine that accepts passwords over SSH can be brute-forced or
#   logged into with a reused or leaked password; SSH keys cannot be
#   guessed. Checked on azurerm_linux_virtual_machine and
#   azurerm_linux_virtual_machine_scale_set (disable_password_authentication;
#   unset, true), on azurerm_virtual_machine with an
#   os_profile_linux_config block (disable_password_authentication), and on
#   ARM Microsoft.Compute/virtualMachines and virtualMachineScaleSets with
#   an osProfile.linuxConfiguration (disablePasswordAuthentication; unset,
#   the REST API allows passwords). Windows machines are not concerned.
# related_resources:
#   - ref: https://learn.microsoft.com/en-us/azure/virtual-machines/linux/create-ssh-keys-detailed
# custom:
#   id: ONUS-AZ-032
#   severity: medium
#   category: identity
#   layer: operating-system
#   targets:
#     - kind: terraform
#       types: [azurerm_linux_virtual_machine, azurerm_linux_virtual_machine_scale_set, azurerm_virtual_machine]
#     - kind: arm
#       types: ["Microsoft.Compute/virtualMachines", "Microsoft.Compute/virtualMachineScaleSets"]
#   controls:
#     nist-800-53: ["IA-2", "IA-5", "IA-5(1)"]
#     csa-ccm: ["IAM-14", "IAM-15"]
#   remediation: |
#     Give the machine an admin_ssh_key and set disable_password_authentication
#     = true (or remove it and admin_password) on the
#     azurerm_linux_virtual_machine; in an os_profile_linux_config block of
#     azurerm_virtual_machine set disable_password_authentication = true with
#     ssh_keys. In ARM set osProfile.linuxConfiguration
#     .disablePasswordAuthentication to true with ssh.publicKeys.
package onus.azure.vm_password_auth

import data.onus.lib.azure as az
import data.onus.lib.azure.compute

deny contains {"msg": "the machine accepts SSH password logins", "path": s.path} if {
	s := compute.password_auth_disabled(input.resource)
	not s.unknown
	not az.truthy(s.value)
}

deny contains {"msg": "whether the machine accepts SSH password logins is unknown until deployment", "path": s.path} if {
	s := compute.password_auth_disabled(input.resource)
	s.unknown
}
