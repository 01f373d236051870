# METADATA
# title: Storage account admits every network by default
# description: |
#   With its default network action Allow (or no network rules at all) a
#   storage account's public endpoint answers requests from any address on
#   the internet; the key, SAS token or identity is then the only barrier.
#   Checked on azurerm_storage_account (the network_rules block's
#   default_action; no block admits everything), on a separate
#   azurerm_storage_account_network_rules (default_action), and on ARM
#   Microsoft.Storage/storageAccounts (networkAcls.defaultAction; unset,
#   Allow). An account whose public network access is disabled
#   (public_network_access_enabled = false, "publicNetworkAccess":
#   "Disabled") is reachable only through private endpoints and passes.
# related_resources:
#   - ref: https://learn.microsoft.com/en-us/azure/storage/common/storage-network-security
# custom:
#   id: ONUS-AZ-024
#   severity: medium
#   category: network-exposure
#   layer: network
#   targets:
#     - kind: terraform
#       types: [azurerm_storage_account, azurerm_storage_account_network_rules]
#     - kind: arm
#       types: ["Microsoft.Storage/storageAccounts"]
#   controls:
#     cis-azure: ["3.8"]
#     nist-800-53: ["AC-4", "SC-7"]
#     csa-ccm: ["IVS-03"]
#   remediation: |
#     Add a network_rules block with default_action = "Deny" (or an
#     azurerm_storage_account_network_rules with default_action = "Deny") and
#     list the allowed subnets and address ranges; in ARM set
#     "networkAcls": {"defaultAction": "Deny", ...}. Or turn the public
#     endpoint off (public_network_access_enabled = false,
#     "publicNetworkAccess": "Disabled") and use private endpoints.
package onus.azure.storage_network_default_allow

import data.onus.lib.azure as az
import data.onus.lib.azure.facts
import data.onus.lib.azure.storage
import data.onus.lib.estate

r := input.resource

# the account's own rules count unless a separate network rules resource
# replaces them
judged if r.type != storage.tf_account

judged if {
	r.type == storage.tf_account
	count(storage.separate_rules(r)) == 0
}

# the public endpoint may be on: known on, or unknown (then the result is
# undetermined through its path)
public_paths := [] if {
	r.type == "azurerm_storage_account_network_rules"
	not account_closed
}

# the accounts a separate network rules resource applies to, and whether
# one of them has its public endpoint off (known, or unknown)
accounts := [a | some id in object.get(r.refs, "storage_account_id", []); a := estate.resource(id)]

account_closed if {
	some a in accounts
	p := storage.public_network(a)
	not p.unknown
	not az.truthy(p.value)
}

default account_unsure := false

account_unsure if {
	some a in accounts
	storage.public_network(a).unknown
}

public_paths := [p.path] if {
	p := storage.public_network(r)
	not p.unknown
	az.truthy(p.value)
}

public_paths := [p.path] if {
	p := storage.public_network(r)
	p.unknown
}

deny contains {"msg": msg, "paths": array.concat([s.path], public_paths), "undetermined": account_unsure} if {
	judged
	s := storage.default_action(r)
	not s.unknown
	facts.text(s.value) == "allow"
	msg := "the storage account admits requests from every network by default"
}

deny contains {"msg": "the storage account's default network action is unknown until deployment", "path": s.path} if {
	judged
	s := storage.default_action(r)
	s.unknown
	count(public_paths) > 0
}
