# METADATA
# title: Azure Cosmos DB network facts
# description: |
#   The network access of an Azure Cosmos DB account, normalised from
#   azurerm_cosmosdb_account (public_network_access_enabled, ip_range_filter
#   as a list, or as the comma-separated string of provider versions before
#   4.0, is_virtual_network_filter_enabled) and ARM
#   Microsoft.DocumentDB/databaseAccounts (publicNetworkAccess, ipRules,
#   isVirtualNetworkFilterEnabled). An account with public network access
#   and neither an IP filter nor a virtual network filter accepts
#   connections from every network.
package onus.lib.azure.cosmos

import data.onus.lib.azure as az

keys := {
	"terraform": {"public": "public_network_access_enabled", "ips": "ip_range_filter", "vnet": "is_virtual_network_filter_enabled"},
	"arm": {"public": "publicNetworkAccess", "ips": "ipRules", "vnet": "isVirtualNetworkFilterEnabled"},
}

types := {"terraform": "azurerm_cosmosdb_account", "arm": "Microsoft.DocumentDB/databaseAccounts"}

# network returns an account's network access: {"public", "ips" (the IP
# filter's entries: [{"value", "path"}]), "vnet" (the virtual network
# filter is on), each true, false or "unknown", the paths they are read
# from, "ips_unknown"}; undefined for other resources.
network(r) := {
	"public": public(r, k.public),
	"ips": ips(r, k.ips),
	"ips_unknown": az.unknown(r, k.ips),
	"vnet": flag(r, k.vnet),
	"paths": [k.public, k.ips, k.vnet],
} if {
	types[r.kind] == r.type
	k := keys[r.kind]
}

public(r, p) := "unknown" if az.unknown(r, p)

public(r, p) := false if {
	not az.unknown(r, p)
	r.kind == "terraform"
	az.falsy(az.get(r, p, true))
}

public(r, p) := true if {
	not az.unknown(r, p)
	r.kind == "terraform"
	not az.falsy(az.get(r, p, true))
}

public(r, p) := true if {
	not az.unknown(r, p)
	r.kind == "arm"
	az.enabled(az.get(r, p, "Enabled"))
}

public(r, p) := false if {
	not az.unknown(r, p)
	r.kind == "arm"
	not az.enabled(az.get(r, p, "Enabled"))
}

flag(r, p) := "unknown" if az.unknown(r, p)

flag(r, p) := true if {
	not az.unknown(r, p)
	az.truthy(az.get(r, p, false))
}

flag(r, p) := false if {
	not az.unknown(r, p)
	not az.truthy(az.get(r, p, false))
}

# ips lists the IP filter's entries with their paths; an entry known only
# at deployment has the value null.
ips(r, p) := [{"value": entry(r, sprintf("%s[%d]", [p, i]), v), "path": sprintf("%s[%d]", [p, i])} |
	some i, v in az.get(r, p, [])
	listed(r, sprintf("%s[%d]", [p, i]), v)
] if {
	r.kind == "terraform"
	is_array(az.get(r, p, []))
}

ips(r, p) := [{"value": trim_space(v), "path": p} |
	some v in split(az.get(r, p, ""), ",")
	trim_space(v) != ""
] if {
	r.kind == "terraform"
	is_string(az.get(r, p, []))
}

ips(r, p) := [{"value": entry(r, q, object.get(rule, "ipAddressOrRange", null)), "path": q} |
	some i, rule in az.get(r, p, [])
	q := sprintf("%s[%d].ipAddressOrRange", [p, i])
	listed(r, q, object.get(rule, "ipAddressOrRange", null))
] if r.kind == "arm"

listed(_, _, v) if {
	is_string(v)
	trim_space(v) != ""
}

listed(r, q, _) if az.unknown(r, q)

entry(r, q, _) := null if az.unknown(r, q)

entry(r, q, v) := trim_space(v) if not az.unknown(r, q)

# open_ip holds for an IP filter entry that admits the whole internet.
open_ip(v) if v in {"0.0.0.0/0", "::/0", "*"}
