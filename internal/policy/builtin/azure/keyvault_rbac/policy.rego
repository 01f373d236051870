# METADATA
# title: Key Vault uses access policies instead of Azure RBAC
# description: |
#   With the access policy model, anyone allowed to write the vault's
#   management properties (Contributor, Key Vault Contributor) can grant
#   themselves access to every key, secret and certificate, and each policy
#   covers a whole object type of the vault. Azure RBAC separates managing
#   the vault from reading its contents, scopes access down to one secret,
#   and is audited and governed with the rest of your role assignments.
#   Checked on azurerm_key_vault (rbac_authorization_enabled, or
#   enable_rbac_authorization before azurerm 4.42; unset, false) and on ARM
#   Microsoft.KeyVault/vaults (enableRbacAuthorization; unset, false).
# related_resources:
#   - ref: https://learn.microsoft.com/en-us/azure/key-vault/general/rbac-access-policy
# custom:
#   id: ONUS-AZ-038
#   severity: medium
#   category: identity
#   layer: data-access
#   targets:
#     - kind: terraform
#       types: [azurerm_key_vault]
#     - kind: arm
#       types: ["Microsoft.KeyVault/vaults"]
#   controls:
#     cis-azure: ["8.6"]
#     nist-800-53: ["AC-3", "AC-5", "AC-6"]
#     csa-ccm: ["IAM-04", "IAM-16"]
#   remediation: |
#     Grant data-plane roles (Key Vault Secrets User, Key Vault Crypto User…)
#     with azurerm_role_assignment, then set rbac_authorization_enabled = true
#     (enable_rbac_authorization = true before azurerm 4.42) on the
#     azurerm_key_vault, or "enableRbacAuthorization": true on the ARM
#     Microsoft.KeyVault/vaults, and remove its access policies.
package onus.azure.keyvault_rbac

import data.onus.lib.azure as az
import data.onus.lib.azure.keyvault

deny contains {"msg": "the vault authorises data access with access policies, which its contributors can grant themselves", "path": s.path} if {
	s := keyvault.rbac(input.resource)
	not s.unknown
	not az.truthy(s.value)
}

deny contains {"msg": "the vault's permission model is unknown until deployment", "path": s.path} if {
	s := keyvault.rbac(input.resource)
	s.unknown
}
