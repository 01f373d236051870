# METADATA
# title: Security group ingress facts across formats
# description: |
#   Normalised inbound rules of AWS security groups, extracted from each
#   format, so a policy judges them once. Every rule is
#   {"path", "protocol", "from", "to", "sources": [{"cidr", "path"}],
#   "unknown_sources": [path, ...]}: protocol is lower case ("-1" for all),
#   from and to are numbers or null, and unknown_sources lists source
#   attributes known only at deployment. Adapters:
#   - Terraform: aws_security_group ingress blocks, aws_security_group_rule
#     of type ingress, aws_vpc_security_group_ingress_rule.
#   - CloudFormation: AWS::EC2::SecurityGroup SecurityGroupIngress items and
#     AWS::EC2::SecurityGroupIngress.
package onus.lib.aws.xf.network

open_cidrs := {"0.0.0.0/0", "::/0"}

# ingress returns the inbound rules r declares.
ingress(r) := tf_group(r) | tf_rule(r) | tf_vpc_rule(r) | cfn_group(r) | cfn_ingress(r)

tf_group(r) := {rule(sprintf("ingress[%d]", [i]), x.protocol, x.from_port, x.to_port, r, x, ["cidr_blocks", "ipv6_cidr_blocks"]) |
	r.kind == "terraform"
	r.type == "aws_security_group"
	some i, x in object.get(r.attrs, "ingress", [])
}

tf_rule(r) := {rule("", r.attrs.protocol, r.attrs.from_port, r.attrs.to_port, r, r.attrs, ["cidr_blocks", "ipv6_cidr_blocks"]) |
	r.kind == "terraform"
	r.type == "aws_security_group_rule"
	r.attrs.type == "ingress"
}

tf_vpc_rule(r) := {rule("", r.attrs.ip_protocol, object.get(r.attrs, "from_port", null), object.get(r.attrs, "to_port", null), r, r.attrs, ["cidr_ipv4", "cidr_ipv6"]) |
	r.kind == "terraform"
	r.type == "aws_vpc_security_group_ingress_rule"
}

cfn_group(r) := {rule(sprintf("SecurityGroupIngress[%d]", [i]), object.get(x, "IpProtocol", "-1"), object.get(x, "FromPort", null), object.get(x, "ToPort", null), r, x, ["CidrIp", "CidrIpv6"]) |
	r.kind == "cloudformation"
	r.type == "AWS::EC2::SecurityGroup"
	some i, x in object.get(r.attrs, "SecurityGroupIngress", [])
	is_object(x)
}

cfn_ingress(r) := {rule("", object.get(r.attrs, "IpProtocol", "-1"), object.get(r.attrs, "FromPort", null), object.get(r.attrs, "ToPort", null), r, r.attrs, ["CidrIp", "CidrIpv6"]) |
	r.kind == "cloudformation"
	r.type == "AWS::EC2::SecurityGroupIngress"
}

# rule builds the normalised rule at base path (relative to r) from the
# object x holding the source attributes fields.
rule(base, protocol, from, to, r, x, fields) := {
	"path": base,
	"protocol": lower(sprintf("%v", [protocol])),
	"from": number_or_null(from),
	"to": number_or_null(to),
	"sources": [{"cidr": c, "path": p} |
		some f in fields
		some c, p in cidrs(object.get(x, f, null), join(base, f))
	],
	"unknown_sources": [p |
		some f in fields
		p := join(base, f)
		unknown(r, p)
	],
}

cidrs(v, p) := {v: p} if is_string(v)

cidrs(v, p) := {c: sprintf("%s[%d]", [p, i]) | some i, c in v; is_string(c)} if is_array(v)

cidrs(null, _) := {}

join("", f) := f

join(base, f) := concat(".", [base, f]) if base != ""

number_or_null(v) := v if is_number(v)

number_or_null(v) := to_number(v) if {
	is_string(v)
	regex.match(`^-?[0-9]+$`, v)
}

number_or_null(v) := null if {
	not is_number(v)
	not regex.match(`^-?[0-9]+$`, sprintf("%v", [v]))
}

# unknown holds when the attribute at p, a prefix of it, or an item of it
# is known only at deployment.
unknown(r, p) if p in r.unknown

unknown(r, p) if {
	some u in r.unknown
	startswith(p, concat("", [u, "."]))
}

unknown(r, p) if {
	some u in r.unknown
	startswith(u, concat("", [p, "["]))
}

# all_traffic holds for a protocol that covers every port.
all_traffic(rule) if rule.protocol in {"-1", "all"}

# reaches holds when a rule admits TCP traffic to port.
reaches(rule, port) if all_traffic(rule)

reaches(rule, port) if {
	rule.protocol in {"tcp", "6"}
	rule.from == -1
}

reaches(rule, port) if {
	rule.protocol in {"tcp", "6"}
	rule.from <= port
	port <= rule.to
}
