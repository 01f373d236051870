# METADATA
# title: Key Vault purge protection is off
# description: |
#   Without purge protection, a deleted vault, key, secret or certificate can
#   be purged at once, before its soft-delete retention ends: one compromised
#   or careless administrator can destroy the keys that encrypt your data,
#   with no way back. Checked on azurerm_key_vault
#   (purge_protection_enabled; unset, off) and on ARM
#   Microsoft.KeyVault/vaults (enablePurgeProtection; unset, off). Once on,
#   purge protection cannot be turned off.
# related_resources:
#   - ref: https://learn.microsoft.com/en-us/azure/key-vault/general/soft-delete-overview
# custom:
#   id: ONUS-AZ-025
#   severity: medium
#   category: resilience
#   layer: data-access
#   targets:
#     - kind: terraform
#       types: [azurerm_key_vault]
#     - kind: arm
#       types: ["Microsoft.KeyVault/vaults"]
#   controls:
#     cis-azure: ["8.5"]
#     nist-800-53: ["CP-9", "SC-12"]
#     csa-ccm: ["BCR-08", "CEK-14"]
#   remediation: |
#     Set purge_protection_enabled = true on the azurerm_key_vault, or
#     "enablePurgeProtection": true in the properties of the ARM
#     Microsoft.KeyVault/vaults.
package onus.azure.keyvault_purge_protection

import data.onus.lib.azure as az
import data.onus.lib.azure.keyvault

deny contains {"msg": "purge protection is off: a deleted vault or key can be purged before its retention ends", "path": s.path} if {
	s := keyvault.purge_protection(input.resource)
	not s.unknown
	not az.truthy(s.value)
}

deny contains {"msg": "whether purge protection is on is unknown until deployment", "path": s.path} if {
	s := keyvault.purge_protection(input.resource)
	s.unknown
}
