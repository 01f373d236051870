package onus.aws_cfn_proof.sg_open_admin_ports_test

import data.onus.aws_cfn_proof.sg_open_admin_ports as sg

params := {"ports": [22, 3389]}

res(kind, type, attrs) := {"kind": kind, "type": type, "attrs": attrs, "unknown": []}

test_cfn_group_ssh if {
	r := res("cloudformation", "AWS::EC2::SecurityGroup", {"SecurityGroupIngress": [
		{"IpProtocol": "tcp", "FromPort": 443, "ToPort": 443, "CidrIp": "0.0.0.0/0"},
		{"IpProtocol": "tcp", "FromPort": 22, "ToPort": 22, "CidrIp": "0.0.0.0/0"},
	]})
	{d.path | some d in sg.deny} == {"SecurityGroupIngress[1].CidrIp"} with input.resource as r with input.params as params
}

test_cfn_string_ports_and_range if {
	r := res("cloudformation", "AWS::EC2::SecurityGroupIngress", {"IpProtocol": "6", "FromPort": "3000", "ToPort": "4000", "CidrIpv6": "::/0"})
	some d in sg.deny with input.resource as r with input.params as params
	d.path == "CidrIpv6"
}

test_cfn_all_protocols if {
	r := res("cloudformation", "AWS::EC2::SecurityGroupIngress", {"IpProtocol": "-1", "CidrIp": "0.0.0.0/0"})
	count(sg.deny) == 2 with input.resource as r with input.params as params
}

test_tf_group_block if {
	r := res("terraform", "aws_security_group", {"ingress": [{"from_port": 3389, "to_port": 3389, "protocol": "tcp", "cidr_blocks": ["10.0.0.0/8", "0.0.0.0/0"]}]})
	{d.path | some d in sg.deny} == {"ingress[0].cidr_blocks[1]"} with input.resource as r with input.params as params
}

test_tf_rule_egress_ignored if {
	r := res("terraform", "aws_security_group_rule", {"type": "egress", "from_port": 22, "to_port": 22, "protocol": "tcp", "cidr_blocks": ["0.0.0.0/0"]})
	count(sg.deny) == 0 with input.resource as r with input.params as params
}

test_tf_vpc_rule if {
	r := res("terraform", "aws_vpc_security_group_ingress_rule", {"ip_protocol": "tcp", "from_port": 22, "to_port": 22, "cidr_ipv4": "0.0.0.0/0"})
	some d in sg.deny with input.resource as r with input.params as params
	d.path == "cidr_ipv4"
}

test_private_source if {
	r := res("cloudformation", "AWS::EC2::SecurityGroupIngress", {"IpProtocol": "tcp", "FromPort": 22, "ToPort": 22, "CidrIp": "10.0.0.0/8"})
	count(sg.deny) == 0 with input.resource as r with input.params as params
}

test_unknown_source_is_reported_for_the_engine if {
	r := {"kind": "terraform", "type": "aws_security_group", "attrs": {"ingress": [{"from_port": 22, "to_port": 22, "protocol": "tcp"}]}, "unknown": ["ingress[0].cidr_blocks"]}
	some d in sg.deny with input.resource as r with input.params as params
	d.path == "ingress[0].cidr_blocks"
}
