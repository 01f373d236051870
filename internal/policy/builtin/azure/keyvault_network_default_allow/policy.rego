# METADATA
# title: Key Vault admits every network by default
# description: |
#   A key vault whose network ACLs default to Allow (or that has none)
#   answers requests for its keys and secrets from any address on the
#   internet; a leaked token or a misconfigured access policy is then usable
#   from anywhere. Checked on azurerm_key_vault (the network_acls block's
#   default_action; no block admits everything) and on ARM
#   Microsoft.KeyVault/vaults (networkAcls.defaultAction; unset, Allow). A
#   vault whose public network access is disabled
#   (public_network_access_enabled = false, "publicNetworkAccess":
#   "disabled") is reachable only through private endpoints and passes.
# related_resources:
#   - ref: https://learn.microsoft.com/en-us/azure/key-vault/general/network-security
# custom:
#   id: ONUS-AZ-027
#   severity: medium
#   category: network-exposure
#   layer: network
#   targets:
#     - kind: terraform
#       types: [azurerm_key_vault]
#     - kind: arm
#       types: ["Microsoft.KeyVault/vaults"]
#   controls:
#     nist-800-53: ["AC-4", "SC-7"]
#     csa-ccm: ["IVS-03"]
#   remediation: |
#     Add a network_acls block with default_action = "Deny" and bypass =
#     "AzureServices" to the azurerm_key_vault, listing the allowed subnets
#     and address ranges; in ARM set "networkAcls": {"defaultAction": "Deny",
#     "bypass": "AzureServices", ...}. Or turn the public endpoint off
#     (public_network_access_enabled = false, "publicNetworkAccess":
#     "disabled") and use private endpoints.
package onus.azure.keyvault_network_default_allow

import data.onus.lib.azure as az
import data.onus.lib.azure.facts
import data.onus.lib.azure.keyvault

r := input.resource

public_paths := [p.path] if {
	p := keyvault.public_network(r)
	not p.unknown
	az.truthy(p.value)
}

public_paths := [p.path] if {
	p := keyvault.public_network(r)
	p.unknown
}

deny contains {"msg": "the key vault admits requests from every network by default", "paths": array.concat([s.path], public_paths)} if {
	s := keyvault.default_action(r)
	not s.unknown
	facts.text(s.value) == "allow"
}

deny contains {"msg": "the key vault's default network action is unknown until deployment", "path": s.path} if {
	s := keyvault.default_action(r)
	s.unknown
	count(public_paths) > 0
}
