# METADATA
# title: Storage account accepts plain HTTP
# description: |
#   Without "secure transfer required", the account's blob, file, queue and
#   table endpoints accept requests over plain HTTP (and SMB without
#   encryption), so keys, SAS tokens and data cross the network in clear
#   text. Checked on azurerm_storage_account (https_traffic_only_enabled,
#   enable_https_traffic_only in azurerm 3.x; unset, both majors require
#   HTTPS) and on ARM Microsoft.Storage/storageAccounts
#   (supportsHttpsTrafficOnly; unset, the REST API requires HTTPS from API
#   version 2019-04-01 and does not with older apiVersions).
# related_resources:
#   - ref: https://learn.microsoft.com/en-us/azure/storage/common/storage-require-secure-transfer
# custom:
#   id: ONUS-AZ-022
#   severity: high
#   category: encryption
#   layer: data-access
#   targets:
#     - kind: terraform
#       types: [azurerm_storage_account]
#     - kind: arm
#       types: ["Microsoft.Storage/storageAccounts"]
#   controls:
#     cis-azure: ["3.1"]
#     nist-800-53: ["SC-8", "SC-8(1)"]
#     csa-ccm: ["CEK-03", "DSP-10"]
#   remediation: |
#     Set https_traffic_only_enabled = true on the azurerm_storage_account (or
#     remove the argument), or "supportsHttpsTrafficOnly": true in the
#     properties of the ARM Microsoft.Storage/storageAccounts.
package onus.azure.storage_https_only

import data.onus.lib.azure as az
import data.onus.lib.azure.storage

deny contains {"msg": "the storage account accepts requests over plain HTTP", "path": s.path} if {
	s := storage.https_only(input.resource)
	not s.unknown
	not az.truthy(s.value)
}

deny contains {"msg": "whether the storage account requires HTTPS is unknown until deployment", "path": s.path} if {
	s := storage.https_only(input.resource)
	s.unknown
}
