# METADATA
# title: AWS EC2 and VPC facts
# description: |
#   Normalised facts about instances, launch templates, volumes, security
#   group rules and network ACL rules, extracted per format so that each
#   policy judges them once. Every fact carries the attribute paths it was
#   read from: a policy reports them in "paths", so a fact resting on an
#   unknown value is undetermined rather than judged.
package onus.lib.aws.ec2

import data.onus.lib.aws
import data.onus.lib.estate

compute_types := {"aws_instance", "aws_launch_template", "aws_launch_configuration"}

# --- instance metadata service ---------------------------------------------

# metadata_options returns the IMDS settings a resource declares:
# [{"tokens" ("" when unset), "endpoint" ("" when unset), "path",
# "endpoint_path"}].
default metadata_options(_) := []

metadata_options(r) := [{
	"tokens": object.get(mo, "http_tokens", ""),
	"endpoint": object.get(mo, "http_endpoint", ""),
	"path": "metadata_options[0].http_tokens",
	"endpoint_path": "metadata_options[0].http_endpoint",
}] if {
	r.kind == "terraform"
	r.type in compute_types
	mo := object.get(r.attrs, ["metadata_options", 0], {})
}

# metadata_defaults returns the account-wide IMDS default tokens setting
# of r's root module (aws_ec2_instance_metadata_defaults): "required",
# "optional", "unknown" or "" when none is declared.
metadata_defaults(r) := "required" if {
	some d in aws.in_unit(r, "aws_ec2_instance_metadata_defaults")
	d.attrs.http_tokens == "required"
} else := "unknown" if {
	some d in aws.in_unit(r, "aws_ec2_instance_metadata_defaults")
	aws.unknown(d, "http_tokens")
} else := ""

# --- public IP addresses ------------------------------------------------------

# public_ip returns where a resource asks for a public IPv4 address on
# launch: [{"path"}].
default public_ip(_) := []

public_ip(r) := [{"path": "associate_public_ip_address"} | aws.truthy(r.attrs.associate_public_ip_address)] if {
	r.kind == "terraform"
	r.type in {"aws_instance", "aws_launch_configuration"}
}

public_ip(r) := [{"path": sprintf("network_interfaces[%d].associate_public_ip_address", [i])} |
	some i, ni in object.get(r.attrs, "network_interfaces", [])
	aws.truthy(object.get(ni, "associate_public_ip_address", false))
] if {
	r.kind == "terraform"
	r.type == "aws_launch_template"
}

# public_subnet holds for an instance launched in a subnet of the estate
# that maps public IPs on launch, without opting out.
public_subnet(r) if {
	r.kind == "terraform"
	r.type == "aws_instance"
	object.get(r.attrs, "associate_public_ip_address", true) != false
	some s in aws.referred(r, "subnet_id")
	s.attrs.map_public_ip_on_launch == true
}

# elastic_ip holds for an instance an Elastic IP is bound to.
elastic_ip(r) if count(aws.referring(r.id, "aws_eip", "instance")) > 0

elastic_ip(r) if count(aws.referring(r.id, "aws_eip_association", "instance_id")) > 0

# behind_public_lb holds for an instance registered in a target group
# served by an internet-facing load balancer of the estate.
behind_public_lb(r) if {
	some att in target_attachments(r)
	some tg_id in object.get(att.refs, "target_group_arn", [])
	some listener in lb_listeners_of_group(tg_id)
	some lb in aws.referred(listener, "load_balancer_arn")
	object.get(lb.attrs, "internal", false) != true
}

target_attachments(r) := array.concat(
	aws.referring(r.id, "aws_lb_target_group_attachment", "target_id"),
	aws.referring(r.id, "aws_alb_target_group_attachment", "target_id"),
)

lb_listeners_of_group(tg_id) := [l |
	some type in {"aws_lb_listener", "aws_alb_listener"}
	some l in estate.referrers(tg_id, type)
]

# internet_facing holds for compute reachable from the internet: a public
# IP asked for, a subnet that maps public IPs, an Elastic IP, or an
# internet-facing load balancer in front.
internet_facing(r) if count(public_ip(r)) > 0

internet_facing(r) if public_subnet(r)

internet_facing(r) if elastic_ip(r)

internet_facing(r) if behind_public_lb(r)

# exposure names why r is internet-facing, for messages.
exposure(r) := "it has a public IP address" if {
	count(public_ip(r)) > 0
} else := "its subnet assigns public IP addresses" if {
	public_subnet(r)
} else := "an Elastic IP is bound to it" if {
	elastic_ip(r)
} else := "an internet-facing load balancer forwards to it" if {
	behind_public_lb(r)
}

# --- EBS volumes ------------------------------------------------------------

# volumes returns the EBS volumes a resource creates:
# [{"encrypted": bool, "path", "from_snapshot": bool}].
default volumes(_) := []

volumes(r) := [{"encrypted": aws.truthy_or_false(object.get(r.attrs, "encrypted", false)), "path": "encrypted", "from_snapshot": object.get(r.attrs, "snapshot_id", "") != ""}] if {
	r.kind == "terraform"
	r.type == "aws_ebs_volume"
}

volumes(r) := array.concat(
	[{"encrypted": aws.truthy_or_false(object.get(r.attrs, ["root_block_device", 0, "encrypted"], false)), "path": "root_block_device[0].encrypted", "from_snapshot": false}],
	[{"encrypted": aws.truthy_or_false(object.get(d, "encrypted", false)), "path": sprintf("ebs_block_device[%d].encrypted", [i]), "from_snapshot": object.get(d, "snapshot_id", "") != ""} |
		some i, d in object.get(r.attrs, "ebs_block_device", [])
	],
) if {
	r.kind == "terraform"
	r.type in {"aws_instance", "aws_launch_configuration"}
}

volumes(r) := [{"encrypted": aws.truthy_or_false(object.get(ebs, "encrypted", false)), "path": sprintf("block_device_mappings[%d].ebs[0].encrypted", [i]), "from_snapshot": object.get(ebs, "snapshot_id", "") != ""} |
	some i, m in object.get(r.attrs, "block_device_mappings", [])
	ebs := object.get(m, ["ebs", 0], null)
	ebs != null
] if {
	r.kind == "terraform"
	r.type == "aws_launch_template"
}

# default_encryption returns "true" when the root module of r turns on EBS
# encryption by default for the account and region, "unknown" when its
# setting is unknown, else "false".
default_encryption(r) := "true" if {
	some d in aws.in_unit(r, "aws_ebs_encryption_by_default")
	object.get(d.attrs, "enabled", true) == true
	not aws.unknown(d, "enabled")
} else := "unknown" if {
	some d in aws.in_unit(r, "aws_ebs_encryption_by_default")
	aws.unknown(d, "enabled")
} else := "false"

# --- security group rules ---------------------------------------------------

# ingress_rules returns the inbound rules a resource declares:
# [{"protocol" (normalised: "all", "tcp", "udp", "icmp", ...), "from",
# "to", "sources": [{"cidr", "key"}], "shape", "index"}]. Only sources that
# are CIDR blocks are listed; rules from other security groups or prefix
# lists have none. Attribute paths are built only where a result needs
# them (source_path, source_paths, rule_paths), and whether a rule rests
# on unknown values is asked separately (unknown_sources, rule_unknown):
# security groups are numerous, and this keeps the common case fast.
default ingress_rules(_) := []

ingress_rules(r) := [block_rule("inline", i, b) | some i, b in object.get(r.attrs, "ingress", [])] if {
	r.kind == "terraform"
	r.type in {"aws_security_group", "aws_default_security_group"}
}

ingress_rules(r) := [block_rule("rule", 0, r.attrs)] if {
	r.kind == "terraform"
	r.type == "aws_security_group_rule"
	object.get(r.attrs, "type", "") == "ingress"
}

ingress_rules(r) := [{
	"protocol": protocol(object.get(r.attrs, "ip_protocol", "")),
	"from": object.get(r.attrs, "from_port", 0),
	"to": object.get(r.attrs, "to_port", 65535),
	"sources": [{"cidr": r.attrs[k], "key": k} | some k in cidr_keys.vpc; is_string(r.attrs[k])],
	"shape": "vpc",
	"index": 0,
}] if {
	r.kind == "terraform"
	r.type == "aws_vpc_security_group_ingress_rule"
}

block_rule(shape, i, b) := {
	"protocol": protocol(object.get(b, "protocol", "")),
	"from": object.get(b, "from_port", 0),
	"to": object.get(b, "to_port", 0),
	"sources": [{"cidr": c, "key": k} | some k in cidr_keys.block; some c in object.get(b, k, [])],
	"shape": shape,
	"index": i,
}

cidr_keys := {"block": ["cidr_blocks", "ipv6_cidr_blocks"], "vpc": ["cidr_ipv4", "cidr_ipv6"]}

port_keys := {"block": ["protocol", "from_port", "to_port", "type"], "vpc": ["ip_protocol", "from_port", "to_port"]}

keys_of("vpc") := "vpc"

keys_of(shape) := "block" if shape != "vpc"

prefix(rule) := sprintf("ingress[%d].", [rule.index]) if rule.shape == "inline"

prefix(rule) := "" if rule.shape != "inline"

# source_path is the attribute path of one source of a rule.
source_path(rule, s) := concat("", [prefix(rule), s.key])

# source_paths are the paths of a rule's CIDR attributes.
source_paths(rule) := [concat("", [prefix(rule), k]) | some k in cidr_keys[keys_of(rule.shape)]]

# rule_paths are the paths of a rule's protocol and port attributes.
rule_paths(rule) := [concat("", [prefix(rule), k]) | some k in port_keys[keys_of(rule.shape)]]

# result_paths are the paths a result about one open source reports: the
# source first (where the finding points), then the protocol and ports, so
# that an unknown among them makes the result undetermined.
result_paths(rule, s) := array.concat([source_path(rule, s)], rule_paths(rule))

# unknown_sources returns the CIDR attributes of a rule of r that are
# unknown.
unknown_sources(r, rule) := aws.unknown_paths(r, source_paths(rule))

# rule_unknown holds when the protocol or ports of a rule of r are unknown.
rule_unknown(r, rule) if count(aws.unknown_paths(r, rule_paths(rule))) > 0

# protocol normalises an IP protocol name or number.
protocol(p) := object.get(protocol_names, lower(p), lower(p)) if is_string(p)

protocol(p) := object.get(protocol_names, format_int(p, 10), format_int(p, 10)) if is_number(p)

protocol_names := {
	"-1": "all", "all": "all", "tcp": "tcp", "6": "tcp", "udp": "udp", "17": "udp",
	"icmp": "icmp", "1": "icmp", "icmpv6": "icmpv6", "58": "icmpv6",
}

# covers_port holds when a rule admits traffic to a TCP or UDP port.
covers_port(rule, port) if rule.protocol == "all"

covers_port(rule, port) if {
	rule.protocol in {"tcp", "udp"}
	rule.from <= port
	port <= rule.to
}

# all_ports holds for a rule admitting every protocol, or every TCP or UDP
# port.
all_ports(rule) if rule.protocol == "all"

all_ports(rule) if {
	rule.protocol in {"tcp", "udp"}
	rule.from <= 1
	rule.to >= 65535
}

# ingress_unknown holds when a resource's inline ingress rules as a whole
# cannot be known before apply (a dynamic block over an unknown collection).
ingress_unknown(r) if {
	r.type in {"aws_security_group", "aws_default_security_group"}
	aws.unknown(r, "ingress")
}

# open_sources returns the sources of a rule open to the whole internet.
open_sources(rule) := [s | some s in rule.sources; aws.open_cidr(s.cidr)]

# --- network ACL rules ------------------------------------------------------

# nacl_rules returns the rules a network ACL resource declares:
# [{"acl" (id of the ACL), "egress", "allow", "number", "protocol",
# "from", "to", "cidr", "path", "paths"}].
default nacl_rules(_) := []

nacl_rules(r) := [rule |
	some dir in ["ingress", "egress"]
	some i, b in object.get(r.attrs, dir, [])
	some k in ["cidr_block", "ipv6_cidr_block"]
	is_string(b[k])
	b[k] != ""
	base := sprintf("%s[%d]", [dir, i])
	rule := {
		"acl": r.id,
		"egress": dir == "egress",
		"allow": lower(object.get(b, "action", "")) == "allow",
		"number": object.get(b, "rule_no", 0),
		"protocol": protocol(object.get(b, "protocol", "")),
		"from": object.get(b, "from_port", 0),
		"to": object.get(b, "to_port", 0),
		"cidr": b[k],
		"path": concat(".", [base, k]),
		"paths": [concat(".", [base, x]) | some x in ["action", "protocol", "from_port", "to_port", "rule_no"]],
	}
] if {
	r.kind == "terraform"
	r.type in {"aws_network_acl", "aws_default_network_acl"}
}

nacl_rules(r) := [rule |
	some k in ["cidr_block", "ipv6_cidr_block"]
	is_string(r.attrs[k])
	r.attrs[k] != ""
	some acl in acl_ids(r)
	rule := {
		"acl": acl,
		"egress": object.get(r.attrs, "egress", false) == true,
		"allow": lower(object.get(r.attrs, "rule_action", "")) == "allow",
		"number": object.get(r.attrs, "rule_number", 0),
		"protocol": protocol(object.get(r.attrs, "protocol", "")),
		"from": object.get(r.attrs, "from_port", 0),
		"to": object.get(r.attrs, "to_port", 0),
		"cidr": r.attrs[k],
		"path": k,
		"paths": ["egress", "rule_action", "protocol", "from_port", "to_port", "rule_number"],
	}
] if {
	r.kind == "terraform"
	r.type == "aws_network_acl_rule"
}

acl_ids(r) := ids if {
	ids := object.get(r.refs, "network_acl_id", [])
	count(ids) > 0
} else := [r.id]

# acl_rules returns every rule of the network ACL with id acl: its inline
# rules and the aws_network_acl_rule resources referring to it.
acl_rules(acl) := array.concat(
	[x | r := estate.resource(acl); some x in nacl_rules(r); x.acl == acl],
	[x | some r in aws.referring(acl, "aws_network_acl_rule", "network_acl_id"); some x in nacl_rules(r)],
)

# shadowed holds when a lower-numbered deny rule of the same ACL and
# direction drops the traffic a rule would admit to port from its source.
shadowed(rule, port) if {
	some other in acl_rules(rule.acl)
	not other.allow
	other.egress == rule.egress
	other.number < rule.number
	other.cidr == rule.cidr
	covers_port(other, port)
}

shadowed_all(rule) if {
	some other in acl_rules(rule.acl)
	not other.allow
	other.egress == rule.egress
	other.number < rule.number
	other.cidr == rule.cidr
	all_ports(other)
}

# --- ports ------------------------------------------------------------------

# admin_ports are the remote administration ports of CIS AWS 5.1-5.3.
admin_ports := [22, 3389]

# service_ports are database, cache, search, container and cluster
# management ports that should never face the internet.
service_ports := [
	23, 135, 139, 445, 1433, 1434, 1521, 2375, 2376, 2379, 2380, 3306, 5432, 5601, 5984, 5985, 5986,
	6379, 7000, 7001, 9042, 9160, 9200, 9300, 10250, 11211, 27017, 27018, 27019,
]

port_names := {
	22: "SSH", 23: "Telnet", 135: "MS RPC", 139: "NetBIOS", 445: "SMB", 1433: "SQL Server",
	1434: "SQL Server browser", 1521: "Oracle", 2375: "Docker API", 2376: "Docker API (TLS)",
	2379: "etcd", 2380: "etcd peer", 3306: "MySQL", 3389: "RDP", 5432: "PostgreSQL",
	5601: "Kibana", 5984: "CouchDB", 5985: "WinRM", 5986: "WinRM (TLS)", 6379: "Redis",
	7000: "Cassandra", 7001: "Cassandra (TLS)", 9042: "Cassandra CQL", 9160: "Cassandra Thrift",
	9200: "Elasticsearch", 9300: "Elasticsearch transport", 10250: "kubelet", 11211: "Memcached",
	27017: "MongoDB", 27018: "MongoDB shard", 27019: "MongoDB config",
}

# port_name describes a port: "SSH (22)", or the number alone.
port_name(p) := sprintf("%s (%d)", [port_names[p], p]) if port_names[p]

port_name(p) := sprintf("port %d", [p]) if not port_names[p]

# covered_ports returns the ports of a list a rule admits, sorted.
covered_ports(rule, ports) := sort(ports) if rule.protocol == "all"

covered_ports(rule, ports) := sort([p | some p in ports; rule.from <= p; p <= rule.to]) if rule.protocol in {"tcp", "udp"}

covered_ports(rule, _) := [] if not rule.protocol in {"all", "tcp", "udp"}

# describe_ports names up to four ports and counts the rest.
describe_ports(ports) := concat(", ", [port_name(p) | some p in ports]) if count(ports) <= 4

describe_ports(ports) := sprintf("%s and %d more", [concat(", ", [port_name(p) | some p in array.slice(ports, 0, 3)]), count(ports) - 3]) if count(ports) > 4

# range_text describes the port range of a rule.
range_text(rule) := "all protocols and ports" if rule.protocol == "all"

range_text(rule) := sprintf("%s port %d", [rule.protocol, rule.from]) if {
	rule.protocol != "all"
	rule.from == rule.to
}

range_text(rule) := sprintf("%s ports %d-%d", [rule.protocol, rule.from, rule.to]) if {
	rule.protocol != "all"
	rule.from != rule.to
}
