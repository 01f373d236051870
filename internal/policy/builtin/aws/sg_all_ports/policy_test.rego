package onus.aws.sg_all_ports_test

import data.onus.aws.sg_all_ports
import data.onus.lib.aws.fixture as fx

test_protocol_all if {
	r := fx.tf("aws_security_group", "sg", {"ingress": [{"from_port": 0, "to_port": 0, "protocol": "-1", "cidr_blocks": ["0.0.0.0/0"]}]})
	[f] := [f | some f in sg_all_ports.deny with input.resource as r]
	f.paths[0] == "ingress[0].cidr_blocks"
	contains(f.msg, "all protocols and ports")
}

test_full_tcp_range if {
	r := fx.tf("aws_security_group_rule", "r", {"type": "ingress", "from_port": 0, "to_port": 65535, "protocol": "tcp", "ipv6_cidr_blocks": ["::/0"]})
	count(sg_all_ports.deny) == 1 with input.resource as r
}

test_vpc_rule_all_protocols_without_ports if {
	r := fx.tf("aws_vpc_security_group_ingress_rule", "r", {"ip_protocol": "-1", "cidr_ipv4": "0.0.0.0/0"})
	count(sg_all_ports.deny) == 1 with input.resource as r
}

test_partial_range_allowed if {
	r := fx.tf("aws_security_group_rule", "r", {"type": "ingress", "from_port": 1024, "to_port": 65535, "protocol": "tcp", "cidr_blocks": ["0.0.0.0/0"]})
	count(sg_all_ports.deny) == 0 with input.resource as r
}

test_private_all_allowed if {
	r := fx.tf("aws_security_group", "sg", {"ingress": [{"from_port": 0, "to_port": 0, "protocol": "-1", "cidr_blocks": ["10.0.0.0/16"]}]})
	count(sg_all_ports.deny) == 0 with input.resource as r
}

test_unknown_cidr_points_at_itself if {
	r := fx.unknown(fx.tf("aws_security_group", "sg", {"ingress": [{"from_port": 0, "to_port": 0, "protocol": "-1"}]}), ["ingress[0].cidr_blocks"])
	[f] := [f | some f in sg_all_ports.deny with input.resource as r]
	f.path == "ingress[0].cidr_blocks"
}

test_cfn_protocol_all_without_ports if {
	r := fx.cfn("AWS::EC2::SecurityGroup", "Open", {"SecurityGroupIngress": [{"IpProtocol": -1, "CidrIp": "0.0.0.0/0"}]})
	[f] := [f | some f in sg_all_ports.deny with input.resource as r]
	f.paths[0] == "SecurityGroupIngress[0].CidrIp"
}

test_cfn_full_range_as_strings if {
	r := fx.cfn("AWS::EC2::SecurityGroupIngress", "All", {"IpProtocol": "tcp", "FromPort": "0", "ToPort": "65535", "CidrIpv6": "::/0"})
	count(sg_all_ports.deny) == 1 with input.resource as r
}

test_cfn_icmp_all_types_is_not_all_ports if {
	r := fx.cfn("AWS::EC2::SecurityGroupIngress", "Ping", {"IpProtocol": "icmp", "FromPort": -1, "ToPort": -1, "CidrIp": "0.0.0.0/0"})
	count(sg_all_ports.deny) == 0 with input.resource as r
}

test_cfn_unknown_protocol if {
	r := fx.unknown(fx.cfn("AWS::EC2::SecurityGroupIngress", "X", {"CidrIp": "0.0.0.0/0"}), ["IpProtocol"])
	[f] := [f | some f in sg_all_ports.deny with input.resource as r]
	"IpProtocol" in f.paths
}
