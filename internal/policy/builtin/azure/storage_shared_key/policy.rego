# METADATA
# title: Storage account accepts shared key authorisation
# description: |
#   With shared key access on, anyone holding one of the two account keys —
#   or a SAS token signed with one — has full access to every blob, file,
#   queue and table, with no identity in the logs, no conditional access and
#   no expiry until the keys are rotated. Microsoft Entra ID authorisation
#   gives each caller its own, revocable, audited access instead. Checked
#   on azurerm_storage_account (shared_access_key_enabled; unset, true) and
#   on ARM Microsoft.Storage/storageAccounts (allowSharedKeyAccess; unset,
#   the REST API allows shared keys).
# related_resources:
#   - ref: https://learn.microsoft.com/en-us/azure/storage/common/shared-key-authorization-prevent
# custom:
#   id: ONUS-AZ-036
#   severity: low
#   category: identity
#   layer: data-access
#   targets:
#     - kind: terraform
#       types: [azurerm_storage_account]
#     - kind: arm
#       types: ["Microsoft.Storage/storageAccounts"]
#   controls:
#     nist-800-53: ["AC-2", "IA-2", "IA-5"]
#     csa-ccm: ["IAM-14", "IAM-16"]
#   remediation: |
#     Move clients to Microsoft Entra ID (role assignments such as Storage
#     Blob Data Reader, user delegation SAS), then set
#     shared_access_key_enabled = false on the azurerm_storage_account (with
#     storage_use_azuread = true in the provider block), or
#     "allowSharedKeyAccess": false in the properties of the ARM
#     Microsoft.Storage/storageAccounts.
package onus.azure.storage_shared_key

import data.onus.lib.azure as az
import data.onus.lib.azure.storage

deny contains {"msg": "the storage account accepts its account keys and key-signed SAS tokens", "path": s.path} if {
	s := storage.shared_key(input.resource)
	not s.unknown
	not az.falsy(s.value)
}

deny contains {"msg": "whether the storage account accepts shared keys is unknown until deployment", "path": s.path} if {
	s := storage.shared_key(input.resource)
	s.unknown
}
