# METADATA
# title: Azure Key Vault facts
# description: |
#   Key vault settings, per format: azurerm_key_vault for Terraform,
#   Microsoft.KeyVault/vaults for ARM. Each fact is {"value", "path",
#   "unknown"} with the default of the current azurerm major (4.x) for
#   Terraform and the REST API default for ARM.
package onus.lib.azure.keyvault

import data.onus.lib.azure as az
import data.onus.lib.azure.facts

types := {"azurerm_key_vault", "Microsoft.KeyVault/vaults"}

# purge_protection: can a deleted vault (or its objects) be purged before
# its retention ends? azurerm: purge_protection_enabled, default false.
# ARM: enablePurgeProtection, default off.
purge_protection(r) := facts.of(r, {"terraform": "purge_protection_enabled", "arm": "enablePurgeProtection"}, false) if {
	r.type in types
}

# soft_delete: is soft delete on? azurerm 3.x and 4.x always turn it on
# (soft_delete_enabled exists only in 2.x, where it defaulted to false
# before 2.42 and true after). ARM: enableSoftDelete, default true.
soft_delete(r) := facts.at(r, "soft_delete_enabled", true) if {
	r.type == "azurerm_key_vault"
	az.configured(r, "soft_delete_enabled")
}

soft_delete(r) := facts.at(r, "soft_delete_enabled", true) if {
	r.type == "azurerm_key_vault"
	az.unknown(r, "soft_delete_enabled")
}

soft_delete(r) := facts.at(r, "enableSoftDelete", true) if r.type == "Microsoft.KeyVault/vaults"

# retention_days: how long deleted vaults and objects are kept. azurerm:
# soft_delete_retention_days, ARM: softDeleteRetentionInDays; both default
# to 90.
retention_days(r) := facts.of(r, {"terraform": "soft_delete_retention_days", "arm": "softDeleteRetentionInDays"}, 90) if {
	r.type in types
}

# public_network: is the public endpoint on? azurerm:
# public_network_access_enabled, default true. ARM: publicNetworkAccess
# ("enabled" / "disabled"), default enabled.
public_network(r) := facts.at(r, "public_network_access_enabled", true) if r.type == "azurerm_key_vault"

public_network(r) := s if {
	r.type == "Microsoft.KeyVault/vaults"
	x := facts.at(r, "publicNetworkAccess", "enabled")
	s := object.union(x, {"value": facts.text(x.value) != "disabled"})
}

# default_action: the action for traffic no network rule matches; a vault
# without network ACLs admits every network (the path is then the block's).
default_action(r) := facts.at(r, "network_acls[0].default_action", "Allow") if {
	r.type == "azurerm_key_vault"
	acls_set(r)
}

default_action(r) := {"value": "Allow", "path": "network_acls", "unknown": false} if {
	r.type == "azurerm_key_vault"
	not acls_set(r)
}

default_action(r) := facts.at(r, "networkAcls.defaultAction", "Allow") if r.type == "Microsoft.KeyVault/vaults"

acls_set(r) if az.configured(r, "network_acls")

acls_set(r) if az.unknown(r, "network_acls")

# rbac: are data-plane requests authorised with Azure RBAC rather than
# access policies? azurerm 4.x: rbac_authorization_enabled (from 4.42) or
# enable_rbac_authorization, default false. ARM: enableRbacAuthorization,
# default false.
rbac(r) := facts.at(r, tf_rbac_path(r), false) if r.type == "azurerm_key_vault"

rbac(r) := facts.at(r, "enableRbacAuthorization", false) if r.type == "Microsoft.KeyVault/vaults"

tf_rbac_path(r) := "enable_rbac_authorization" if {
	not az.configured(r, "rbac_authorization_enabled")
	not az.unknown(r, "rbac_authorization_enabled")
	set_or_unknown(r, "enable_rbac_authorization")
} else := "rbac_authorization_enabled"

set_or_unknown(r, p) if az.configured(r, p)

set_or_unknown(r, p) if az.unknown(r, p)

# expiry: where a key or secret's expiration date is written. azurerm:
# expiration_date of azurerm_key_vault_key and azurerm_key_vault_secret.
# ARM: attributes.exp (seconds since the epoch) of
# Microsoft.KeyVault/vaults/keys and .../secrets. Unset, it never expires.
expiry_path := {
	"azurerm_key_vault_key": "expiration_date",
	"azurerm_key_vault_secret": "expiration_date",
	"Microsoft.KeyVault/vaults/keys": "attributes.exp",
	"Microsoft.KeyVault/vaults/secrets": "attributes.exp",
}

# object_kind names what a key vault object is, for messages.
object_kind := {
	"azurerm_key_vault_key": "key",
	"azurerm_key_vault_secret": "secret",
	"Microsoft.KeyVault/vaults/keys": "key",
	"Microsoft.KeyVault/vaults/secrets": "secret",
}
