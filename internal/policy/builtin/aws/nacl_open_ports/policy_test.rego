package onus.aws.nacl_open_ports_test

import data.onus.aws.nacl_open_ports
import data.onus.lib.aws.fixture as fx

params := {"ports": [22, 3389, 5432]}

deny(r, rs) := d if {
	d := nacl_open_ports.deny with input.resource as r with input.params as params with data.onus.estate as fx.estate(rs)
}

acl(ingress) := fx.tf("aws_network_acl", "a", {"ingress": ingress})

test_allow_all_inline if {
	r := acl([{"rule_no": 100, "action": "allow", "protocol": "-1", "cidr_block": "0.0.0.0/0", "from_port": 0, "to_port": 0}])
	[f] := [f | some f in deny(r, [r])]
	f.paths[0] == "ingress[0].cidr_block"
	contains(f.msg, "SSH (22)")
}

test_ssh_range_ipv6 if {
	r := acl([{"rule_no": 100, "action": "allow", "protocol": "tcp", "ipv6_cidr_block": "::/0", "from_port": 0, "to_port": 1023}])
	[f] := [f | some f in deny(r, [r])]
	f.paths[0] == "ingress[0].ipv6_cidr_block"
}

test_web_only_allowed if {
	r := acl([{"rule_no": 100, "action": "allow", "protocol": "tcp", "cidr_block": "0.0.0.0/0", "from_port": 443, "to_port": 443}])
	count(deny(r, [r])) == 0
}

test_lower_deny_shadows if {
	r := acl([
		{"rule_no": 90, "action": "deny", "protocol": "tcp", "cidr_block": "0.0.0.0/0", "from_port": 22, "to_port": 22},
		{"rule_no": 91, "action": "deny", "protocol": "tcp", "cidr_block": "0.0.0.0/0", "from_port": 3389, "to_port": 3389},
		{"rule_no": 92, "action": "deny", "protocol": "tcp", "cidr_block": "0.0.0.0/0", "from_port": 5432, "to_port": 5432},
		{"rule_no": 100, "action": "allow", "protocol": "-1", "cidr_block": "0.0.0.0/0", "from_port": 0, "to_port": 0},
	])
	count(deny(r, [r])) == 0
}

test_higher_deny_does_not_shadow if {
	r := acl([
		{"rule_no": 100, "action": "allow", "protocol": "tcp", "cidr_block": "0.0.0.0/0", "from_port": 22, "to_port": 22},
		{"rule_no": 200, "action": "deny", "protocol": "tcp", "cidr_block": "0.0.0.0/0", "from_port": 22, "to_port": 22},
	])
	count(deny(r, [r])) == 1
}

test_egress_ignored if {
	r := fx.tf("aws_network_acl", "a", {"egress": [{"rule_no": 100, "action": "allow", "protocol": "-1", "cidr_block": "0.0.0.0/0", "from_port": 0, "to_port": 0}]})
	count(deny(r, [r])) == 0
}

test_separate_rule_shadowed_by_sibling if {
	a := fx.tf("aws_network_acl", "a", {})
	allow := fx.refs(fx.tf("aws_network_acl_rule", "allow", {"rule_number": 200, "rule_action": "allow", "protocol": "tcp", "cidr_block": "0.0.0.0/0", "from_port": 22, "to_port": 22}), {"network_acl_id": [a.id]})
	block := fx.refs(fx.tf("aws_network_acl_rule", "deny", {"rule_number": 100, "rule_action": "deny", "protocol": "tcp", "cidr_block": "0.0.0.0/0", "from_port": 0, "to_port": 1024}), {"network_acl_id": [a.id]})
	count(deny(allow, [a, allow, block])) == 0
	count(deny(allow, [a, allow])) == 1
}

test_separate_egress_rule_ignored if {
	r := fx.tf("aws_network_acl_rule", "r", {"egress": true, "rule_number": 100, "rule_action": "allow", "protocol": "-1", "cidr_block": "0.0.0.0/0"})
	count(deny(r, [r])) == 0
}

# An unknown CIDR is absent: the rule is not judged and nothing points
# elsewhere.
test_unknown_cidr_not_judged if {
	r := fx.unknown(acl([{"rule_no": 100, "action": "allow", "protocol": "-1", "from_port": 0, "to_port": 0}]), ["ingress[0].cidr_block"])
	count(deny(r, [r])) == 0
}

# --- CloudFormation ----------------------------------------------------------

cfn_acl := fx.cfn("AWS::EC2::NetworkAcl", "Acl", {"VpcId": "vpc-1"})

cfn_entry(name, props) := fx.refs(fx.cfn("AWS::EC2::NetworkAclEntry", name, object.union({"Egress": false}, props)), {"NetworkAclId": [cfn_acl.id]})

test_cfn_allow_all if {
	e := cfn_entry("All", {"RuleNumber": 100, "Protocol": -1, "RuleAction": "allow", "CidrBlock": "0.0.0.0/0"})
	[f] := [f | some f in deny(e, [cfn_acl, e])]
	f.paths[0] == "CidrBlock"
	contains(f.msg, "SSH (22)")
}

test_cfn_ssh_range_strings if {
	e := cfn_entry("Ssh", {"RuleNumber": "110", "Protocol": "6", "RuleAction": "allow", "Ipv6CidrBlock": "::/0", "PortRange": {"From": "20", "To": "23"}})
	[f] := [f | some f in deny(e, [cfn_acl, e])]
	f.paths[0] == "Ipv6CidrBlock"
	contains(f.msg, "tcp ports 20-23")
}

test_cfn_web_only if {
	e := cfn_entry("Web", {"RuleNumber": 100, "Protocol": 6, "RuleAction": "allow", "CidrBlock": "0.0.0.0/0", "PortRange": {"From": 443, "To": 443}})
	count(deny(e, [cfn_acl, e])) == 0
}

test_cfn_lower_deny_shadows if {
	d := cfn_entry("DenySsh", {"RuleNumber": 90, "Protocol": 6, "RuleAction": "deny", "CidrBlock": "0.0.0.0/0", "PortRange": {"From": 22, "To": 22}})
	e := cfn_entry("Admin", {"RuleNumber": 100, "Protocol": 6, "RuleAction": "allow", "CidrBlock": "0.0.0.0/0", "PortRange": {"From": 22, "To": 22}})
	count(deny(e, [cfn_acl, d, e])) == 0
}

test_cfn_egress_ignored if {
	e := cfn_entry("Out", {"RuleNumber": 100, "Protocol": -1, "RuleAction": "allow", "CidrBlock": "0.0.0.0/0", "Egress": true})
	count(deny(e, [cfn_acl, e])) == 0
}
