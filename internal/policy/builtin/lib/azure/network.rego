# METADATA
# title: Azure network security rule facts
# description: |
#   Network security group rules, normalised from the four shapes that
#   declare them: the inline security_rule blocks of
#   azurerm_network_security_group, azurerm_network_security_rule (which
#   refers to its NSG through network_security_group_name), the inline
#   securityRules of an ARM Microsoft.Network/networkSecurityGroups, and ARM
#   child resources of type .../networkSecurityGroups/securityRules (nested
#   or top-level). Each rule keeps the attribute names of its format and the
#   path prefix where it was written, so results point at the native line.
#   Attribute paths and unknown checks are built only where a result needs
#   them.
package onus.lib.azure.network

import data.onus.lib.azure as az
import data.onus.lib.ports

keys := {
	"terraform": {
		"access": "access", "direction": "direction", "protocol": "protocol",
		"src": "source_address_prefix", "srcs": "source_address_prefixes",
		"port": "destination_port_range", "ports": "destination_port_ranges",
	},
	"arm": {
		"access": "access", "direction": "direction", "protocol": "protocol",
		"src": "sourceAddressPrefix", "srcs": "sourceAddressPrefixes",
		"port": "destinationPortRange", "ports": "destinationPortRanges",
	},
}

# list_path is where a resource's inline rules are written.
list_path := {"terraform": "security_rule", "arm": "securityRules"}

# rules returns the rules a resource declares:
# [{"name", "base" (path prefix), "k" (attribute names), "rule" (the rule's
# attributes)}].
default rules(_) := []

rules(r) := [{"name": object.get(b, "name", ""), "base": sprintf("security_rule[%d].", [i]), "k": keys.terraform, "rule": b} |
	some i, b in object.get(r.attrs, "security_rule", [])
] if {
	r.kind == "terraform"
	r.type == "azurerm_network_security_group"
}

rules(r) := [{"name": object.get(r.attrs, "name", r.name), "base": "", "k": keys.terraform, "rule": r.attrs}] if {
	r.kind == "terraform"
	r.type == "azurerm_network_security_rule"
}

rules(r) := [{"name": object.get(b, "name", ""), "base": sprintf("securityRules[%d].properties.", [i]), "k": keys.arm, "rule": object.get(b, "properties", {})} |
	some i, b in object.get(r.attrs, "securityRules", [])
] if {
	r.kind == "arm"
	r.type == "Microsoft.Network/networkSecurityGroups"
}

rules(r) := [{"name": last_segment(r.name), "base": "", "k": keys.arm, "rule": r.attrs}] if {
	r.kind == "arm"
	r.type == "Microsoft.Network/networkSecurityGroups/securityRules"
}

# last_segment is a child resource's own name: "allow-ssh" of
# "nsg/allow-ssh".
last_segment(name) := parts[count(parts) - 1] if parts := split(name, "/")

# path is the attribute path of one field of a rule.
path(x, field) := concat("", [x.base, x.k[field]])

# inbound_allow returns the rules that allow inbound traffic, and those
# whose access or direction is unknown (their results name those paths and
# are undetermined).
inbound_allow(r) := [x |
	some x in rules(r)
	is_or_unknown(r, x, "access", "allow")
	is_or_unknown(r, x, "direction", "inbound")
]

is_or_unknown(_, x, field, want) if lower(object.get(x.rule, x.k[field], "")) == want

is_or_unknown(r, x, field, _) if {
	count(r.unknown) > 0
	az.unknown(r, path(x, field))
}

# protocol normalises a rule's protocol: "all", "tcp", "udp", "icmp"...
protocol(x) := p if {
	v := lower(object.get(x.rule, x.k.protocol, "*"))
	p := object.get({"*": "all", "asterisk": "all", "any": "all"}, v, v)
}

# ranges returns a rule's destination port ranges: [{"from", "to"}].
ranges(x) := array.concat(
	[ports.parse(s) | s := x.rule[x.k.port]; ports.parse(s)],
	[ports.parse(s) | some s in object.get(x.rule, x.k.ports, []); ports.parse(s)],
)

# sources returns a rule's source prefixes: [{"prefix", "path"}].
sources(x) := array.concat(
	[{"prefix": p, "path": path(x, "src")} | p := x.rule[x.k.src]; is_string(p)],
	[{"prefix": p, "path": sprintf("%s[%d]", [path(x, "srcs"), i])} | some i, p in object.get(x.rule, x.k.srcs, [])],
)

# open_sources returns the sources of a rule that mean the whole internet.
open_sources(x) := [s | some s in sources(x); az.open_prefix(s.prefix)]

# reaches holds when a rule's protocol carries ports (TCP, UDP or any).
reaches(x) if protocol(x) in {"all", "tcp", "udp"}

# covered returns the ports of a list that a rule admits.
covered(x, list) := ports.covered(ranges(x), list) if reaches(x)

covered(x, _) := [] if not reaches(x)

# all_ports holds for a rule that admits every port.
all_ports(x) if {
	reaches(x)
	ports.everything(ranges(x))
}

# result_paths are the paths a result about an open source reports: the
# source first (where the finding points), then the fields that decide the
# rule, so that an unknown among them makes the result undetermined.
result_paths(x, s) := array.concat([s.path], [path(x, f) | some f in ["port", "ports", "protocol", "access", "direction"]])

# unknown_sources returns a rule's source attributes that are unknown.
unknown_sources(r, x) := az.unknown_paths(r, [path(x, "src"), path(x, "srcs")])

# fields_unknown holds when a rule's ports or protocol are unknown.
fields_unknown(r, x) if count(az.unknown_paths(r, [path(x, f) | some f in ["port", "ports", "protocol"]])) > 0

# rules_unknown returns the path of a resource's inline rules when they are
# unknown as a whole (a dynamic block over an unknown collection).
rules_unknown(r) := p if {
	r.type in {"azurerm_network_security_group", "Microsoft.Network/networkSecurityGroups"}
	p := list_path[r.kind]
	az.unknown(r, p)
}

# describe names a rule for messages.
describe(x) := sprintf("rule %q", [x.name]) if x.name != ""

describe(x) := "rule" if x.name == ""
