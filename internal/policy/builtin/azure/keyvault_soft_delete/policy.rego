# METADATA
# title: Key Vault soft delete is off or keeps deleted objects too briefly
# description: |
#   Soft delete keeps a deleted vault, key, secret or certificate
#   recoverable for its retention period; without it, or with a short
#   retention, a deletion — accidental or malicious — destroys the keys that
#   encrypt your data before anyone notices. Checked on azurerm_key_vault
#   (soft_delete_retention_days, default 90; azurerm 3.x and 4.x always
#   enable soft delete, 2.x configurations may set soft_delete_enabled =
#   false) and on ARM Microsoft.KeyVault/vaults (enableSoftDelete, default
#   true; softDeleteRetentionInDays, default 90). The retention floor is the
#   parameter min_retention_days.
# related_resources:
#   - ref: https://learn.microsoft.com/en-us/azure/key-vault/general/soft-delete-overview
# custom:
#   id: ONUS-AZ-026
#   severity: low
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
#   params:
#     min_retention_days: {default: 30, description: the shortest soft-delete retention accepted, in days (Azure accepts 7 to 90)}
#   remediation: |
#     Keep soft delete on (remove soft_delete_enabled = false, or
#     "enableSoftDelete": false) and set soft_delete_retention_days on the
#     azurerm_key_vault, or "softDeleteRetentionInDays" on the ARM
#     Microsoft.KeyVault/vaults, to at least the minimum (90 days is Azure's
#     default).
package onus.azure.keyvault_soft_delete

import data.onus.lib.azure as az
import data.onus.lib.azure.keyvault

deny contains {"msg": "soft delete is off: a deleted vault, key or secret cannot be recovered", "path": s.path} if {
	s := keyvault.soft_delete(input.resource)
	not s.unknown
	az.falsy(s.value)
}

deny contains {"msg": msg, "path": s.path} if {
	not soft_delete_off
	s := keyvault.retention_days(input.resource)
	not s.unknown
	days := to_number(s.value)
	days < input.params.min_retention_days
	msg := sprintf("deleted objects are kept for %d days, fewer than %d", [days, input.params.min_retention_days])
}

deny contains {"msg": "whether soft delete is on is unknown until deployment", "path": s.path} if {
	s := keyvault.soft_delete(input.resource)
	s.unknown
}

deny contains {"msg": "the soft-delete retention is unknown until deployment", "path": s.path} if {
	s := keyvault.retention_days(input.resource)
	s.unknown
}

soft_delete_off if az.falsy(keyvault.soft_delete(input.resource).value)
