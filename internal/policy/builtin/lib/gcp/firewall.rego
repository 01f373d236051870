# METADATA
# title: Google Cloud VPC firewall facts
# description: |
#   Normalised facts about google_compute_firewall rules: whether a rule
#   admits traffic from the internet, and which protocols and ports each of
#   its allow blocks opens. Every fact carries the attribute paths it was
#   read from: a policy reports them in "paths", so a fact resting on an
#   unknown value is undetermined rather than judged.
package onus.lib.gcp.firewall

import data.onus.lib.gcp

# ingress holds for an enabled ingress rule. The direction defaults to
# INGRESS, and is computed, so unknown in a plan, when it is not set;
# source_ranges are only accepted on ingress rules, so a rule that has
# them is judged as one.
ingress(r) if {
	r.type == "google_compute_firewall"
	upper(object.get(r.attrs, "direction", "INGRESS")) == "INGRESS"
	object.get(r.attrs, "disabled", false) != true
}

# implicit_open holds for an ingress rule that names no source: Google
# Cloud then applies it to 0.0.0.0/0.
implicit_open(r) if {
	count(object.get(r.attrs, "source_ranges", [])) == 0
	count(object.get(r.attrs, "source_tags", [])) == 0
	count(object.get(r.attrs, "source_service_accounts", [])) == 0
}

# open_sources returns the internet ranges an enabled ingress rule admits,
# as [{"cidr", "paths"}]: the paths a result reports, the source first.
open_sources(r) := array.concat(
	[{"cidr": c, "paths": ["source_ranges", "disabled"]} |
		some c in object.get(r.attrs, "source_ranges", [])
		gcp.open_cidr(c)
	],
	[{"cidr": "0.0.0.0/0 (no source given)", "paths": ["source_ranges", "source_tags", "source_service_accounts", "direction", "disabled"]} | implicit_open(r)],
) if ingress(r)

default open_sources(_) := []

# unknown_sources returns the unknown paths of the sources of an enabled
# ingress rule that names some known source (a rule naming none is judged
# as implicitly open, on paths that include the unknown ones).
unknown_sources(r) := gcp.unknown_within(r, "source_ranges") if {
	count(r.unknown) > 0
	r.type == "google_compute_firewall"
	ingress(r)
	not implicit_open(r)
}

default unknown_sources(_) := []

# allows returns the allow blocks of a rule: [{"index", "protocol"
# (normalised: "all", "tcp", "udp", "sctp", "icmp", …), "ranges":
# [{"from", "to"}], "paths"}].
allows(r) := [{
	"index": i,
	"protocol": protocol(object.get(a, "protocol", "")),
	"ranges": [port_range(p) | some p in object.get(a, "ports", [])],
	"paths": [sprintf("allow[%d].ports", [i]), sprintf("allow[%d].protocol", [i])],
} |
	some i, a in object.get(r.attrs, "allow", [])
]

# unknown_allows returns the unknown paths of the allow blocks of r.
unknown_allows(r) := gcp.unknown_within(r, "allow")

# protocol normalises an IP protocol name or number.
protocol(p) := object.get(protocol_names, lower(p), lower(p)) if is_string(p)

protocol(p) := object.get(protocol_names, format_int(p, 10), format_int(p, 10)) if is_number(p)

protocol_names := {"all": "all", "tcp": "tcp", "6": "tcp", "udp": "udp", "17": "udp", "sctp": "sctp", "132": "sctp", "icmp": "icmp", "1": "icmp"}

port_protocols := {"tcp", "udp", "sctp"}

# port_range reads a port or a port range ("22", "8000-9000", 22).
port_range(p) := {"from": to_number(p), "to": to_number(p)} if is_number(p)

port_range(p) := {"from": to_number(p), "to": to_number(p)} if {
	is_string(p)
	not contains(p, "-")
}

port_range(p) := {"from": to_number(parts[0]), "to": to_number(parts[1])} if {
	is_string(p)
	parts := split(p, "-")
	count(parts) == 2
}

# all_ports holds for an allow block open on every port: protocol "all",
# a port protocol without ports, or a range spanning every port.
all_ports(a) if a.protocol == "all"

all_ports(a) if {
	a.protocol in port_protocols
	count(a.ranges) == 0
}

all_ports(a) if {
	a.protocol in port_protocols
	some rg in a.ranges
	rg.from <= 1
	rg.to >= 65535
}

# covered_ports returns the ports of a list that an allow block opens
# without opening every port (rules open on every port are judged apart).
covered_ports(a, ports) := [p |
	some p in ports
	some rg in a.ranges
	rg.from <= p
	p <= rg.to
] if {
	a.protocol in port_protocols
	not all_ports(a)
}

default covered_ports(_, _) := []

# port_names names well-known ports in messages.
port_names := {
	22: "SSH", 3389: "RDP", 1433: "SQL Server", 3306: "MySQL", 5432: "PostgreSQL",
	6379: "Redis", 9200: "Elasticsearch", 27017: "MongoDB", 9042: "Cassandra", 11211: "Memcached",
}

describe_port(p) := sprintf("%s (%d)", [port_names[p], p])

describe_port(p) := sprintf("port %d", [p]) if not port_names[p]

describe_ports(ps) := concat(", ", [describe_port(p) | some p in sort({p | some p in ps})])

# describe_allow renders an allow block ("tcp 22, 8000-9000").
describe_allow(a) := a.protocol if count(a.ranges) == 0

describe_allow(a) := sprintf("%s %s", [a.protocol, concat(", ", [describe_range(rg) | some rg in a.ranges])]) if count(a.ranges) > 0

describe_range(rg) := sprintf("%d", [rg.from]) if rg.from == rg.to

describe_range(rg) := sprintf("%d-%d", [rg.from, rg.to]) if rg.from != rg.to
