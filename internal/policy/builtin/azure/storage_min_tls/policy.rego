# METADATA
# title: Storage account accepts TLS versions older than 1.2
# description: |
#   TLS 1.0 and 1.1 have known weaknesses and are deprecated (RFC 8996); a
#   storage account that accepts them lets old or downgraded clients reach
#   its data over weak encryption. Checked on azurerm_storage_account
#   (min_tls_version; unset, azurerm 3.x and 4.x use TLS1_2) and on ARM
#   Microsoft.Storage/storageAccounts (minimumTlsVersion; unset, the REST
#   API accepts TLS 1.0).
# related_resources:
#   - ref: https://learn.microsoft.com/en-us/azure/storage/common/transport-layer-security-configure-minimum-version
# custom:
#   id: ONUS-AZ-023
#   severity: medium
#   category: encryption
#   layer: data-access
#   targets:
#     - kind: terraform
#       types: [azurerm_storage_account]
#     - kind: arm
#       types: ["Microsoft.Storage/storageAccounts"]
#   controls:
#     cis-azure: ["3.15"]
#     nist-800-53: ["SC-8", "SC-8(1)", "SC-13"]
#     csa-ccm: ["CEK-03", "CEK-04"]
#   remediation: |
#     Set min_tls_version = "TLS1_2" on the azurerm_storage_account, or
#     "minimumTlsVersion": "TLS1_2" in the properties of the ARM
#     Microsoft.Storage/storageAccounts.
package onus.azure.storage_min_tls

import data.onus.lib.azure.facts
import data.onus.lib.azure.storage

deny contains {"msg": sprintf("the storage account accepts %s", [s.value]), "path": s.path} if {
	s := storage.min_tls(input.resource)
	not s.unknown
	facts.text(s.value) in storage.weak_tls
}

deny contains {"msg": "the storage account's minimum TLS version is unknown until deployment", "path": s.path} if {
	s := storage.min_tls(input.resource)
	s.unknown
}
