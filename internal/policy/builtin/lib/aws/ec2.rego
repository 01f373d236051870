# METADATA
# title: AWS EC2 and VPC facts
# description: |
#   Normalised facts about instances, launch templates, volumes, security
#   group rules and network ACL rules, extracted per format so that each
#   policy judges them once. Every fact carries the attribute paths it was
#   read from: a policy reports them in "paths", so a fact resting on an
#   unknown value is undetermined rather than judged.
#   - Terraform: aws_instance, aws_launch_template, aws_launch_configuration,
#     aws_ebs_volume, aws_security_group (inline ingress),
#     aws_security_group_rule, aws_vpc_security_group_ingress_rule,
#     aws_network_acl (inline rules), aws_network_acl_rule, and the
#     account-wide aws_ec2_instance_metadata_defaults and
#     aws_ebs_encryption_by_default of the same root module.
#   - CloudFormation: AWS::EC2::Instance, AWS::EC2::LaunchTemplate
#     (LaunchTemplateData), AWS::AutoScaling::LaunchConfiguration,
#     AWS::EC2::Volume, AWS::EC2::SecurityGroup (SecurityGroupIngress),
#     AWS::EC2::SecurityGroupIngress, AWS::EC2::NetworkAclEntry. Ports may be
#     strings; -1 means every port. CloudFormation has no account-wide
#     metadata or EBS encryption defaults.
package onus.lib.aws.ec2

import data.onus.lib.aws
import data.onus.lib.ports as portlib
import data.onus.lib.estate

compute_types := {"aws_instance", "aws_launch_template", "aws_launch_configuration"}

cfn_compute_types := {"AWS::EC2::Instance", "AWS::EC2::LaunchTemplate", "AWS::AutoScaling::LaunchConfiguration"}

# compute_types_of returns the compute types of a format.
compute_types_of("terraform") := compute_types

compute_types_of("cloudformation") := cfn_compute_types

# cfn_compute_prefix is where a CloudFormation compute type keeps its
# instance settings.
cfn_compute_prefix := {"AWS::EC2::Instance": [], "AWS::AutoScaling::LaunchConfiguration": [], "AWS::EC2::LaunchTemplate": ["LaunchTemplateData"]}

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

metadata_options(r) := [{
	"tokens": object.get(mo, "HttpTokens", ""),
	"endpoint": object.get(mo, "HttpEndpoint", ""),
	"path": aws.path_string(array.concat(base, ["MetadataOptions", "HttpTokens"])),
	"endpoint_path": aws.path_string(array.concat(base, ["MetadataOptions", "HttpEndpoint"])),
}] if {
	r.kind == "cloudformation"
	base := cfn_compute_prefix[r.type]
	not from_launch_template(r)
	mo := object.get(r.attrs, array.concat(base, ["MetadataOptions"]), {})
}

# from_launch_template holds for a CloudFormation instance that takes its
# settings from a launch template and does not set metadata options
# itself: the launch template is judged instead.
from_launch_template(r) if {
	r.type == "AWS::EC2::Instance"
	is_object(r.attrs.LaunchTemplate)
	not r.attrs.MetadataOptions
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
} else := "" if r.kind == "terraform"

metadata_defaults(r) := "" if r.kind == "cloudformation"

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

public_ip(r) := [{"path": "AssociatePublicIpAddress"} | aws.truthy(r.attrs.AssociatePublicIpAddress)] if {
	r.kind == "cloudformation"
	r.type == "AWS::AutoScaling::LaunchConfiguration"
}

public_ip(r) := [{"path": aws.path_string(array.concat(base, ["NetworkInterfaces", i, "AssociatePublicIpAddress"]))} |
	some i, ni in object.get(r.attrs, array.concat(base, ["NetworkInterfaces"]), [])
	is_object(ni)
	aws.truthy(object.get(ni, "AssociatePublicIpAddress", false))
] if {
	r.kind == "cloudformation"
	r.type in {"AWS::EC2::Instance", "AWS::EC2::LaunchTemplate"}
	base := cfn_compute_prefix[r.type]
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

public_subnet(r) if {
	r.kind == "cloudformation"
	r.type == "AWS::EC2::Instance"
	not opts_out_of_public_ip(r)
	some s in array.concat(aws.referred(r, "SubnetId"), aws.referred_under(r, "NetworkInterfaces"))
	s.type == "AWS::EC2::Subnet"
	aws.truthy(s.attrs.MapPublicIpOnLaunch)
}

opts_out_of_public_ip(r) if {
	some ni in object.get(r.attrs, "NetworkInterfaces", [])
	aws.falsy(ni.AssociatePublicIpAddress)
}

# elastic_ip holds for an instance an Elastic IP is bound to.
elastic_ip(r) if count(aws.referring(r.id, "aws_eip", "instance")) > 0

elastic_ip(r) if count(aws.referring(r.id, "aws_eip_association", "instance_id")) > 0

elastic_ip(r) if count(aws.referring(r.id, "AWS::EC2::EIP", "InstanceId")) > 0

elastic_ip(r) if count(aws.referring(r.id, "AWS::EC2::EIPAssociation", "InstanceId")) > 0

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

behind_public_lb(r) if {
	some tg in aws.referring_under(r.id, "AWS::ElasticLoadBalancingV2::TargetGroup", "Targets")
	some listener in estate.referrers(tg.id, "AWS::ElasticLoadBalancingV2::Listener")
	some lb in aws.referred(listener, "LoadBalancerArn")
	object.get(lb.attrs, "Scheme", "internet-facing") != "internal"
}

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
# [{"encrypted": bool, "path", "from_snapshot": bool, "snapshot_path"
# (where a volume restored from a snapshot names it; absent for a root
# volume)}]. A snapshot known only at deployment leaves the snapshot path
# unknown: a judgement on the volume's encryption lists it in "paths".
default volumes(_) := []

volumes(r) := [{"encrypted": aws.truthy_or_false(object.get(r.attrs, "encrypted", false)), "path": "encrypted", "from_snapshot": object.get(r.attrs, "snapshot_id", "") != "", "snapshot_path": "snapshot_id"}] if {
	r.kind == "terraform"
	r.type == "aws_ebs_volume"
}

volumes(r) := array.concat(
	[{"encrypted": aws.truthy_or_false(object.get(r.attrs, ["root_block_device", 0, "encrypted"], false)), "path": "root_block_device[0].encrypted", "from_snapshot": false}],
	[{"encrypted": aws.truthy_or_false(object.get(d, "encrypted", false)), "path": sprintf("ebs_block_device[%d].encrypted", [i]), "from_snapshot": object.get(d, "snapshot_id", "") != "", "snapshot_path": sprintf("ebs_block_device[%d].snapshot_id", [i])} |
		some i, d in object.get(r.attrs, "ebs_block_device", [])
	],
) if {
	r.kind == "terraform"
	r.type in {"aws_instance", "aws_launch_configuration"}
}

volumes(r) := [{"encrypted": aws.truthy_or_false(object.get(ebs, "encrypted", false)), "path": sprintf("block_device_mappings[%d].ebs[0].encrypted", [i]), "from_snapshot": object.get(ebs, "snapshot_id", "") != "", "snapshot_path": sprintf("block_device_mappings[%d].ebs[0].snapshot_id", [i])} |
	some i, m in object.get(r.attrs, "block_device_mappings", [])
	ebs := object.get(m, ["ebs", 0], null)
	ebs != null
] if {
	r.kind == "terraform"
	r.type == "aws_launch_template"
}

volumes(r) := [{"encrypted": aws.truthy_or_false(object.get(r.attrs, "Encrypted", false)), "path": "Encrypted", "from_snapshot": cfn_snapshot(r), "snapshot_path": "SnapshotId"}] if {
	r.kind == "cloudformation"
	r.type == "AWS::EC2::Volume"
}

# cfn_snapshot is true for a CloudFormation volume restored from a
# snapshot (written, or referred to).
default cfn_snapshot(_) := false

cfn_snapshot(r) if aws.configured(r, "SnapshotId")

# A CloudFormation instance's root volume is not written unless a block
# device mapping names it; with no mapping at all it comes from the image
# unencrypted, like a Terraform instance without root_block_device. A
# launch template, as in Terraform, declares only its mappings.
volumes(r) := [{"encrypted": false, "path": aws.path_string(array.concat(base, ["BlockDeviceMappings"])), "from_snapshot": false}] if {
	r.kind == "cloudformation"
	r.type in {"AWS::EC2::Instance", "AWS::AutoScaling::LaunchConfiguration"}
	base := cfn_compute_prefix[r.type]
	count(object.get(r.attrs, array.concat(base, ["BlockDeviceMappings"]), [])) == 0
	not from_launch_template(r)
} else := [{"encrypted": aws.truthy_or_false(object.get(m, ["Ebs", "Encrypted"], false)), "path": aws.path_string(array.concat(base, ["BlockDeviceMappings", i, "Ebs", "Encrypted"])), "from_snapshot": object.get(m, ["Ebs", "SnapshotId"], "") != "", "snapshot_path": aws.path_string(array.concat(base, ["BlockDeviceMappings", i, "Ebs", "SnapshotId"]))} |
	some i, m in object.get(r.attrs, array.concat(base, ["BlockDeviceMappings"]), [])
	is_object(m.Ebs)
] if {
	r.kind == "cloudformation"
	r.type in cfn_compute_types
	base := cfn_compute_prefix[r.type]
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
} else := "false" if r.kind == "terraform"

default_encryption(r) := "false" if r.kind == "cloudformation"

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

ingress_rules(r) := [cfn_rule("cfn_inline", i, x) | some i, x in object.get(r.attrs, "SecurityGroupIngress", []); is_object(x)] if {
	r.kind == "cloudformation"
	r.type == "AWS::EC2::SecurityGroup"
}

ingress_rules(r) := [cfn_rule("cfn_rule", 0, r.attrs)] if {
	r.kind == "cloudformation"
	r.type == "AWS::EC2::SecurityGroupIngress"
}

block_rule(shape, i, b) := {
	"protocol": protocol(object.get(b, "protocol", "")),
	"from": object.get(b, "from_port", 0),
	"to": object.get(b, "to_port", 0),
	"sources": [{"cidr": c, "key": k} | some k in cidr_keys.block; some c in object.get(b, k, [])],
	"shape": shape,
	"index": i,
}

# cfn_rule reads a CloudFormation ingress rule. FromPort and ToPort may be
# strings; unset or -1 means every port (they are required for TCP and
# UDP, and ignored for all protocols).
cfn_rule(shape, i, x) := {
	"protocol": protocol(object.get(x, "IpProtocol", "")),
	"from": cfn_port(object.get(x, "FromPort", -1), 0),
	"to": cfn_port(object.get(x, "ToPort", -1), 65535),
	"sources": [{"cidr": x[k], "key": k} | some k in cidr_keys.cfn; is_string(x[k])],
	"shape": shape,
	"index": i,
}

cfn_port(v, def) := def if aws.num(v) == -1

cfn_port(v, _) := n if {
	n := aws.num(v)
	n != -1
}

cfn_port(v, def) := def if not aws.num(v)

cidr_keys := {"block": ["cidr_blocks", "ipv6_cidr_blocks"], "vpc": ["cidr_ipv4", "cidr_ipv6"], "cfn": ["CidrIp", "CidrIpv6"]}

port_keys := {"block": ["protocol", "from_port", "to_port", "type"], "vpc": ["ip_protocol", "from_port", "to_port"], "cfn": ["IpProtocol", "FromPort", "ToPort"]}

keys_of("vpc") := "vpc"

keys_of(shape) := "cfn" if shape in {"cfn_inline", "cfn_rule"}

keys_of(shape) := "block" if not shape in {"vpc", "cfn_inline", "cfn_rule"}

prefix(rule) := sprintf("ingress[%d].", [rule.index]) if rule.shape == "inline"

prefix(rule) := sprintf("SecurityGroupIngress[%d].", [rule.index]) if rule.shape == "cfn_inline"

prefix(rule) := "" if not rule.shape in {"inline", "cfn_inline"}

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

# ingress_unknown returns the paths of a resource's inline ingress rules
# that cannot be known before apply, as a whole (a dynamic block over an
# unknown collection) or one rule at a time (a CloudFormation rule chosen
# by a condition on an unknown parameter).
default ingress_unknown(_) := []

ingress_unknown(r) := ["ingress"] if {
	r.kind == "terraform"
	r.type in {"aws_security_group", "aws_default_security_group"}
	aws.unknown(r, "ingress")
}

ingress_unknown(r) := [p | some p in r.unknown; regex.match(`^SecurityGroupIngress(\[\d+\])?$`, p)] if {
	r.kind == "cloudformation"
	r.type == "AWS::EC2::SecurityGroup"
	count(r.unknown) > 0
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

nacl_rules(r) := [rule |
	some k in ["CidrBlock", "Ipv6CidrBlock"]
	is_string(r.attrs[k])
	r.attrs[k] != ""
	some acl in cfn_acl_ids(r)
	rule := {
		"acl": acl,
		"egress": aws.truthy_or_false(object.get(r.attrs, "Egress", false)),
		"allow": lower(object.get(r.attrs, "RuleAction", "")) == "allow",
		"number": number_or_zero(object.get(r.attrs, "RuleNumber", 0)),
		"protocol": protocol(object.get(r.attrs, "Protocol", "")),
		"from": cfn_port(object.get(r.attrs, ["PortRange", "From"], 0), 0),
		"to": cfn_port(object.get(r.attrs, ["PortRange", "To"], 0), 65535),
		"cidr": r.attrs[k],
		"path": k,
		"paths": ["Egress", "RuleAction", "Protocol", "PortRange.From", "PortRange.To", "RuleNumber"],
	}
] if {
	r.kind == "cloudformation"
	r.type == "AWS::EC2::NetworkAclEntry"
}

acl_ids(r) := ids if {
	ids := object.get(r.refs, "network_acl_id", [])
	count(ids) > 0
} else := [r.id]

number_or_zero(v) := n if {
	n := aws.num(v)
} else := 0

cfn_acl_ids(r) := ids if {
	ids := object.get(r.refs, "NetworkAclId", [])
	count(ids) > 0
} else := [r.id]

# acl_rules returns every rule of the network ACL with id acl: its inline
# rules and the aws_network_acl_rule or AWS::EC2::NetworkAclEntry
# resources referring to it.
acl_rules(acl) := array.concat(
	[x | r := estate.resource(acl); some x in nacl_rules(r); x.acl == acl],
	array.concat(
		[x | some r in aws.referring(acl, "aws_network_acl_rule", "network_acl_id"); some x in nacl_rules(r)],
		[x | some r in aws.referring(acl, "AWS::EC2::NetworkAclEntry", "NetworkAclId"); some x in nacl_rules(r)],
	),
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

# The ports the security group and network ACL policies look for, and
# their names in messages, are those of every cloud pack (lib/ports.rego).
service_ports := portlib.service_ports

# covered_ports returns the ports of a list a rule admits, sorted.
covered_ports(rule, ports) := sort(ports) if rule.protocol == "all"

covered_ports(rule, ports) := sort([p | some p in ports; rule.from <= p; p <= rule.to]) if rule.protocol in {"tcp", "udp"}

covered_ports(rule, _) := [] if not rule.protocol in {"all", "tcp", "udp"}

# describe_ports names up to four ports and counts the rest.
describe_ports(ps) := portlib.describe(ps)

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
