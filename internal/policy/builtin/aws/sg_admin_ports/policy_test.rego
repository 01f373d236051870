package onus.aws.sg_admin_ports_test

import data.onus.aws.sg_admin_ports
import data.onus.lib.aws.fixture as fx

params := {"ports": [22, 3389]}

deny(r) := d if {
	d := sg_admin_ports.deny with input.resource as r with input.params as params
}

sg(ingress) := fx.tf("aws_security_group", "web", {"ingress": ingress})

test_inline_ssh_ipv4 if {
	[f] := [f | some f in deny(sg([{"from_port": 22, "to_port": 22, "protocol": "tcp", "cidr_blocks": ["0.0.0.0/0"]}]))]
	f.paths[0] == "ingress[0].cidr_blocks"
	contains(f.msg, "SSH (22)")
}

test_inline_rdp_ipv6 if {
	[f] := [f | some f in deny(sg([
		{"from_port": 443, "to_port": 443, "protocol": "tcp", "cidr_blocks": ["0.0.0.0/0"]},
		{"from_port": 3389, "to_port": 3389, "protocol": "6", "ipv6_cidr_blocks": ["::/0"]},
	]))]
	f.paths[0] == "ingress[1].ipv6_cidr_blocks"
}

test_range_including_ssh if {
	[f] := [f | some f in deny(sg([{"from_port": 20, "to_port": 25, "protocol": "tcp", "cidr_blocks": ["10.0.0.0/8", "0.0.0.0/0"]}]))]
	contains(f.msg, "tcp ports 20-25")
}

test_private_source_allowed if {
	count(deny(sg([{"from_port": 22, "to_port": 22, "protocol": "tcp", "cidr_blocks": ["10.0.0.0/8"]}]))) == 0
}

test_other_port_allowed if {
	count(deny(sg([{"from_port": 443, "to_port": 443, "protocol": "tcp", "cidr_blocks": ["0.0.0.0/0"]}]))) == 0
}

test_icmp_allowed if {
	count(deny(sg([{"from_port": -1, "to_port": -1, "protocol": "icmp", "cidr_blocks": ["0.0.0.0/0"]}]))) == 0
}

# All ports and protocols belong to ONUS-AWS-015.
test_all_traffic_left_to_all_ports_policy if {
	count(deny(sg([{"from_port": 0, "to_port": 0, "protocol": "-1", "cidr_blocks": ["0.0.0.0/0"]}]))) == 0
}

test_security_group_rule if {
	r := fx.tf("aws_security_group_rule", "ssh", {"type": "ingress", "from_port": 22, "to_port": 22, "protocol": "tcp", "cidr_blocks": ["0.0.0.0/0"]})
	[f] := [f | some f in deny(r)]
	f.paths[0] == "cidr_blocks"
}

test_egress_rule_ignored if {
	r := fx.tf("aws_security_group_rule", "ssh", {"type": "egress", "from_port": 22, "to_port": 22, "protocol": "tcp", "cidr_blocks": ["0.0.0.0/0"]})
	count(deny(r)) == 0
}

test_vpc_ingress_rule if {
	r := fx.tf("aws_vpc_security_group_ingress_rule", "ssh", {"from_port": 22, "to_port": 22, "ip_protocol": "tcp", "cidr_ipv4": "0.0.0.0/0"})
	[f] := [f | some f in deny(r)]
	f.paths[0] == "cidr_ipv4"
}

# An unknown CIDR list is neither open nor closed: the result points at it
# and the engine counts it as undetermined; no finding points elsewhere.
test_unknown_cidr_points_at_itself if {
	r := fx.unknown(sg([{"from_port": 22, "to_port": 22, "protocol": "tcp"}]), ["ingress[0].cidr_blocks"])
	[f] := [f | some f in deny(r)]
	f.path == "ingress[0].cidr_blocks"
}

test_unknown_ports_on_open_rule if {
	r := fx.unknown(fx.tf("aws_vpc_security_group_ingress_rule", "x", {"ip_protocol": "tcp", "cidr_ipv4": "0.0.0.0/0"}), ["from_port", "to_port"])
	[f] := [f | some f in deny(r)]
	"from_port" in f.paths
}

test_unknown_dynamic_ingress if {
	r := fx.unknown(fx.tf("aws_security_group", "web", {}), ["ingress"])
	[f] := [f | some f in deny(r)]
	f.path == "ingress"
}

# --- CloudFormation ----------------------------------------------------------

cfn_sg(ingress) := fx.cfn("AWS::EC2::SecurityGroup", "Web", {"SecurityGroupIngress": ingress})

test_cfn_inline_ssh if {
	r := cfn_sg([
		{"IpProtocol": "tcp", "FromPort": 443, "ToPort": 443, "CidrIp": "0.0.0.0/0"},
		{"IpProtocol": "tcp", "FromPort": 22, "ToPort": 22, "CidrIp": "0.0.0.0/0"},
	])
	[f] := [f | some f in deny(r)]
	f.paths == ["SecurityGroupIngress[1].CidrIp", "SecurityGroupIngress[1].IpProtocol", "SecurityGroupIngress[1].FromPort", "SecurityGroupIngress[1].ToPort"]
	contains(f.msg, "SSH (22)")
}

test_cfn_string_ports_and_protocol_number if {
	r := fx.cfn("AWS::EC2::SecurityGroupIngress", "Rdp", {"IpProtocol": "6", "FromPort": "3000", "ToPort": "4000", "CidrIpv6": "::/0"})
	[f] := [f | some f in deny(r)]
	f.paths[0] == "CidrIpv6"
	contains(f.msg, "RDP (3389)")
}

test_cfn_private_and_group_sources if {
	r := cfn_sg([
		{"IpProtocol": "tcp", "FromPort": 22, "ToPort": 22, "CidrIp": "10.0.0.0/8"},
		{"IpProtocol": "tcp", "FromPort": 22, "ToPort": 22, "SourceSecurityGroupId": "sg-1"},
	])
	count(deny(r)) == 0
}

# All protocols belong to ONUS-AWS-015.
test_cfn_all_protocols_left_to_all_ports_policy if {
	r := fx.cfn("AWS::EC2::SecurityGroupIngress", "All", {"IpProtocol": "-1", "CidrIp": "0.0.0.0/0"})
	count(deny(r)) == 0
}

# A source from a parameter without a value: reported on the unknown path,
# so undetermined.
test_cfn_unknown_source if {
	r := fx.unknown(cfn_sg([{"IpProtocol": "tcp", "FromPort": 22, "ToPort": 22}]), ["SecurityGroupIngress[0].CidrIp"])
	[f] := [f | some f in deny(r)]
	f.path == "SecurityGroupIngress[0].CidrIp"
}

# Ports from a parameter without a value on an open rule: undetermined.
test_cfn_unknown_port if {
	r := fx.unknown(fx.cfn("AWS::EC2::SecurityGroupIngress", "X", {"IpProtocol": "tcp", "ToPort": 22, "CidrIp": "0.0.0.0/0"}), ["FromPort"])
	some f in deny(r)
	"FromPort" in f.paths
	every g in deny(r) {
		"FromPort" in g.paths
	}
}

# A rule chosen by a condition on an unknown parameter.
test_cfn_unknown_rule if {
	r := fx.unknown(cfn_sg([null]), ["SecurityGroupIngress[0]"])
	[f] := [f | some f in deny(r)]
	f.path == "SecurityGroupIngress[0]"
}
