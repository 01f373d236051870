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
