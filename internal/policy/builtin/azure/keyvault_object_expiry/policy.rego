# METADATA
# title: Key Vault key or secret never expires
# description: |
#   A key or secret without an expiration date stays valid forever: nothing
#   forces its rotation, and a copy that leaked years ago still works.
#   Checked on azurerm_key_vault_key and azurerm_key_vault_secret
#   (expiration_date; unset, no expiry) and on ARM
#   Microsoft.KeyVault/vaults/keys and Microsoft.KeyVault/vaults/secrets
#   (attributes.exp; unset, no expiry). A date computed by another resource
#   (a time_offset, for example) counts as set.
# related_resources:
#   - ref: https://learn.microsoft.com/en-us/azure/key-vault/keys/how-to-configure-key-rotation
# custom:
#   id: ONUS-AZ-040
#   severity: low
#   category: secrets
#   layer: data-access
#   targets:
#     - kind: terraform
#       types: [azurerm_key_vault_key, azurerm_key_vault_secret]
#     - kind: arm
#       types: ["Microsoft.KeyVault/vaults/keys", "Microsoft.KeyVault/vaults/secrets"]
#   controls:
#     cis-azure: ["8.1", "8.2", "8.3", "8.4"]
#     nist-800-53: ["IA-5", "SC-12"]
#     csa-ccm: ["CEK-12", "IAM-15"]
#   remediation: |
#     Set expiration_date (an RFC 3339 date, for example from a time_offset
#     resource) on the azurerm_key_vault_key or azurerm_key_vault_secret, and
#     a rotation_policy on keys; in ARM set "attributes": {"exp": <seconds
#     since the epoch>} on Microsoft.KeyVault/vaults/keys and
#     .../secrets, and a rotationPolicy on keys.
package onus.azure.keyvault_object_expiry

import data.onus.lib.azure as az
import data.onus.lib.azure.keyvault

r := input.resource

deny contains {"msg": sprintf("the %s has no expiration date", [keyvault.object_kind[r.type]]), "path": p} if {
	p := keyvault.expiry_path[r.type]
	not az.configured(r, p)
	not az.unknown(r, p)
}

deny contains {"msg": sprintf("the %s's expiration date is unknown until deployment", [keyvault.object_kind[r.type]]), "path": p} if {
	p := keyvault.expiry_path[r.type]
	not az.configured(r, p)
	az.unknown(r, p)
}
