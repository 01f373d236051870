# METADATA
# title: Storage account allows anonymous public access to blobs
# description: |
#   When a storage account allows it, any container can be switched to
#   anonymous "blob" or "container" access, and its blobs are then readable
#   (and listable) by anyone on the internet without a key or token — the
#   setting that makes one mistaken container a data leak. Checked on
#   azurerm_storage_account (allow_nested_items_to_be_public; unset, azurerm
#   4.x allows it, as 3.x did) and on ARM Microsoft.Storage/storageAccounts
#   (allowBlobPublicAccess; unset, the REST API disallows it from API
#   version 2023-01-01 and allows it with older apiVersions).
# related_resources:
#   - ref: https://learn.microsoft.com/en-us/azure/storage/blobs/anonymous-read-access-prevent
# custom:
#   id: ONUS-AZ-020
#   severity: high
#   category: public-access
#   layer: data-access
#   targets:
#     - kind: terraform
#       types: [azurerm_storage_account]
#     - kind: arm
#       types: ["Microsoft.Storage/storageAccounts"]
#   controls:
#     cis-azure: ["3.17"]
#     nist-800-53: ["AC-3", "AC-6", "SC-7"]
#     csa-ccm: ["DSP-17", "IAM-16"]
#   remediation: |
#     Set allow_nested_items_to_be_public = false on the azurerm_storage_account,
#     or "allowBlobPublicAccess": false in the properties of the ARM
#     Microsoft.Storage/storageAccounts. Share individual blobs with
#     short-lived user delegation SAS tokens, or serve public content through
#     Azure Front Door or a CDN.
package onus.azure.storage_public_blob_access

import data.onus.lib.azure as az
import data.onus.lib.azure.storage

deny contains {"msg": "the storage account allows anonymous public access to its containers and blobs", "path": s.path} if {
	s := storage.public_blob_access(input.resource)
	not s.unknown
	not az.falsy(s.value)
}

deny contains {"msg": "whether the storage account allows anonymous public access is unknown until deployment", "path": s.path} if {
	s := storage.public_blob_access(input.resource)
	s.unknown
}
