# METADATA
# title: Blob container allows anonymous public access
# description: |
#   A container with "blob" access lets anyone on the internet read its
#   blobs by URL; with "container" access anyone can also list them. No key,
#   token or log-in is needed. Checked on azurerm_storage_container
#   (container_access_type; default private) and on ARM
#   Microsoft.Storage/storageAccounts/blobServices/containers (publicAccess:
#   None, Blob or Container; default None). An account that disallows
#   public access (ONUS-AZ-020) makes Azure refuse such a container.
# related_resources:
#   - ref: https://learn.microsoft.com/en-us/azure/storage/blobs/anonymous-read-access-configure
# custom:
#   id: ONUS-AZ-021
#   severity: high
#   category: public-access
#   layer: data-access
#   targets:
#     - kind: terraform
#       types: [azurerm_storage_container]
#     - kind: arm
#       types: ["Microsoft.Storage/storageAccounts/blobServices/containers"]
#   controls:
#     cis-azure: ["3.7"]
#     nist-800-53: ["AC-3", "AC-6", "SC-7"]
#     csa-ccm: ["DSP-17", "IAM-16"]
#   remediation: |
#     Set container_access_type = "private" on the azurerm_storage_container
#     (or remove it), or "publicAccess": "None" on the ARM
#     Microsoft.Storage/storageAccounts/blobServices/containers. Share blobs
#     with short-lived user delegation SAS tokens instead.
package onus.azure.storage_public_container

import data.onus.lib.azure.facts
import data.onus.lib.azure.storage

deny contains {"msg": sprintf("the container allows anonymous public access (%s)", [s.value]), "path": s.path} if {
	s := storage.container_access(input.resource)
	not s.unknown
	facts.text(s.value) in storage.public_levels
}

deny contains {"msg": "the container's public access level is unknown until deployment", "path": s.path} if {
	s := storage.container_access(input.resource)
	s.unknown
}
