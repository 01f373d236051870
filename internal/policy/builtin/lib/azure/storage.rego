# METADATA
# title: Azure Storage facts
# description: |
#   Storage account settings, per format: azurerm_storage_account (and the
#   separate azurerm_storage_account_network_rules and
#   azurerm_storage_container) for Terraform, Microsoft.Storage/storageAccounts
#   (and .../blobServices/containers) for ARM. Each fact is
#   {"value", "path", "unknown"} with the default of the current azurerm
#   major (4.x) for Terraform and the REST API default for ARM, which for
#   some properties depends on the template's apiVersion.
package onus.lib.azure.storage

import data.onus.lib.azure as az
import data.onus.lib.azure.facts

tf_account := "azurerm_storage_account"

arm_account := "Microsoft.Storage/storageAccounts"

# set holds when an attribute is written, even to an unknown value.
set(r, p) if az.configured(r, p)

set(r, p) if az.unknown(r, p)

# public_blob_access: may containers and blobs of the account be made
# anonymously readable? azurerm: allow_nested_items_to_be_public, default
# true. ARM: allowBlobPublicAccess, whose default is false from API version
# 2023-01-01 and true before.
public_blob_access(r) := facts.at(r, "allow_nested_items_to_be_public", true) if r.type == tf_account

public_blob_access(r) := facts.at(r, "allowBlobPublicAccess", arm_public_default(r)) if r.type == arm_account

default arm_public_default(_) := false

arm_public_default(r) if facts.api_before(r, "2023-01-01")

# https_only: is plain HTTP refused? azurerm 4.x: https_traffic_only_enabled
# (enable_https_traffic_only in 3.x), default true. ARM:
# supportsHttpsTrafficOnly, default true from API version 2019-04-01, false
# before.
https_only(r) := facts.at(r, tf_https_path(r), true) if r.type == tf_account

https_only(r) := facts.at(r, "supportsHttpsTrafficOnly", arm_https_default(r)) if r.type == arm_account

tf_https_path(r) := "enable_https_traffic_only" if {
	not set(r, "https_traffic_only_enabled")
	set(r, "enable_https_traffic_only")
} else := "https_traffic_only_enabled"

default arm_https_default(_) := true

arm_https_default(r) := false if facts.api_before(r, "2019-04-01")

# min_tls: the oldest TLS version the account accepts. azurerm:
# min_tls_version, default TLS1_2. ARM: minimumTlsVersion, whose REST API
# default is TLS1_0.
min_tls(r) := facts.of(r, {"terraform": "min_tls_version", "arm": "minimumTlsVersion"}, default_tls[r.kind]) if {
	r.type in {tf_account, arm_account}
}

default_tls := {"terraform": "TLS1_2", "arm": "TLS1_0"}

weak_tls := {"tls1_0", "tls1_1"}

# public_network: is the public endpoint enabled? azurerm:
# public_network_access_enabled, default true. ARM: publicNetworkAccess
# ("Enabled" / "Disabled"); unset, the network rules decide.
public_network(r) := facts.at(r, "public_network_access_enabled", true) if r.type == tf_account

public_network(r) := s if {
	r.type == arm_account
	x := facts.at(r, "publicNetworkAccess", "Enabled")
	s := object.union(x, {"value": facts.text(x.value) != "disabled"})
}

# separate_rules returns the azurerm_storage_account_network_rules that
# apply to an account (they replace its network_rules block).
separate_rules(r) := az.referring(r.id, "azurerm_storage_account_network_rules", "storage_account_id")

# default_action: the action for traffic no rule matches. An account with
# no network_rules block (networkAcls in ARM) admits every network: the
# path is then the block's, where a finding points.
default_action(r) := facts.at(r, "network_rules[0].default_action", "Allow") if {
	r.type == tf_account
	set(r, "network_rules")
}

default_action(r) := {"value": "Allow", "path": "network_rules", "unknown": false} if {
	r.type == tf_account
	not set(r, "network_rules")
}

default_action(r) := facts.at(r, "default_action", "Allow") if r.type == "azurerm_storage_account_network_rules"

default_action(r) := facts.at(r, "networkAcls.defaultAction", "Allow") if r.type == arm_account

# shared_key: may requests be authorised with the account key?
# azurerm: shared_access_key_enabled, default true. ARM:
# allowSharedKeyAccess, default (null) true.
shared_key(r) := facts.of(r, {"terraform": "shared_access_key_enabled", "arm": "allowSharedKeyAccess"}, true) if {
	r.type in {tf_account, arm_account}
}

# container_access: the anonymous access level of a blob container.
# azurerm_storage_container: container_access_type (private, blob,
# container), default private. ARM .../blobServices/containers:
# publicAccess (None, Blob, Container), default None.
container_access(r) := facts.at(r, "container_access_type", "private") if r.type == "azurerm_storage_container"

container_access(r) := facts.at(r, "publicAccess", "None") if r.type == "Microsoft.Storage/storageAccounts/blobServices/containers"

public_levels := {"blob", "container"}

# infrastructure_encryption: is data encrypted a second time, at the
# infrastructure level, with a different key and algorithm? azurerm:
# infrastructure_encryption_enabled, default false. ARM:
# encryption.requireInfrastructureEncryption, default false. Set only at
# creation.
infrastructure_encryption(r) := facts.of(r, {"terraform": "infrastructure_encryption_enabled", "arm": "encryption.requireInfrastructureEncryption"}, false) if {
	r.type in {tf_account, arm_account}
}
