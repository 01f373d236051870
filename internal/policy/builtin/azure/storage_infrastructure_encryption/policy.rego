# METADATA
# title: Storage account does not use infrastructure (double) encryption
# description: |
#   Azure Storage encrypts data at rest once, at the service level.
#   Infrastructure encryption adds a second layer with a different key and
#   algorithm, so one compromised key or one flawed implementation does not
#   expose the data. It can only be chosen when the account is created.
#   Checked on azurerm_storage_account (infrastructure_encryption_enabled;
#   unset, false) and on ARM Microsoft.Storage/storageAccounts
#   (encryption.requireInfrastructureEncryption; unset, false).
# related_resources:
#   - ref: https://learn.microsoft.com/en-us/azure/storage/common/infrastructure-encryption-enable
# custom:
#   id: ONUS-AZ-039
#   severity: low
#   category: encryption
#   layer: data-access
#   targets:
#     - kind: terraform
#       types: [azurerm_storage_account]
#     - kind: arm
#       types: ["Microsoft.Storage/storageAccounts"]
#   controls:
#     cis-azure: ["3.2"]
#     nist-800-53: ["SC-28", "SC-28(1)"]
#     csa-ccm: ["CEK-03"]
#   remediation: |
#     Set infrastructure_encryption_enabled = true on the
#     azurerm_storage_account, or "encryption":
#     {"requireInfrastructureEncryption": true, ...} in the properties of the
#     ARM Microsoft.Storage/storageAccounts. The account is recreated: copy
#     its data to the new account.
package onus.azure.storage_infrastructure_encryption

import data.onus.lib.azure as az
import data.onus.lib.azure.storage

deny contains {"msg": "the storage account encrypts data at rest only once", "path": s.path} if {
	s := storage.infrastructure_encryption(input.resource)
	not s.unknown
	not az.truthy(s.value)
}

deny contains {"msg": "whether the storage account uses infrastructure encryption is unknown until deployment", "path": s.path} if {
	s := storage.infrastructure_encryption(input.resource)
	s.unknown
}
