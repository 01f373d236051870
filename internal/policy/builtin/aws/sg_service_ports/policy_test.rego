package onus.aws.sg_service_ports_test

import data.onus.aws.sg_service_ports
import data.onus.lib.aws.ec2
import data.onus.lib.aws.fixture as fx

deny(r) := d if {
	d := sg_service_ports.deny with input.resource as r with input.params as {"ports": ec2.service_ports}
}

test_postgres_open if {
	r := fx.tf("aws_security_group", "db", {"ingress": [{"from_port": 5432, "to_port": 5432, "protocol": "tcp", "cidr_blocks": ["0.0.0.0/0"]}]})
	[f] := [f | some f in deny(r)]
	contains(f.msg, "PostgreSQL (5432)")
}

test_wide_range_names_several_ports if {
	r := fx.tf("aws_security_group_rule", "r", {"type": "ingress", "from_port": 1000, "to_port": 10000, "protocol": "tcp", "cidr_blocks": ["0.0.0.0/0"]})
	[f] := [f | some f in deny(r)]
	contains(f.msg, "more")
}

test_redis_ipv6 if {
	r := fx.tf("aws_vpc_security_group_ingress_rule", "r", {"from_port": 6379, "to_port": 6379, "ip_protocol": "tcp", "cidr_ipv6": "::/0"})
	count(deny(r)) == 1
}

test_https_allowed if {
	r := fx.tf("aws_vpc_security_group_ingress_rule", "r", {"from_port": 443, "to_port": 443, "ip_protocol": "tcp", "cidr_ipv4": "0.0.0.0/0"})
	count(deny(r)) == 0
}

test_from_security_group_allowed if {
	r := fx.tf("aws_security_group_rule", "r", {"type": "ingress", "from_port": 3306, "to_port": 3306, "protocol": "tcp", "source_security_group_id": "sg-1"})
	count(deny(r)) == 0
}

test_unknown_cidr_points_at_itself if {
	r := fx.unknown(fx.tf("aws_security_group_rule", "r", {"type": "ingress", "from_port": 3306, "to_port": 3306, "protocol": "tcp"}), ["cidr_blocks"])
	[f] := [f | some f in deny(r)]
	f.path == "cidr_blocks"
}

test_cfn_postgres_open if {
	r := fx.cfn("AWS::EC2::SecurityGroup", "Db", {"SecurityGroupIngress": [{"IpProtocol": "tcp", "FromPort": 5432, "ToPort": 5432, "CidrIp": "0.0.0.0/0"}]})
	[f] := [f | some f in deny(r)]
	f.paths[0] == "SecurityGroupIngress[0].CidrIp"
	contains(f.msg, "PostgreSQL")
}

test_cfn_unknown_source if {
	r := fx.unknown(fx.cfn("AWS::EC2::SecurityGroupIngress", "Db", {"IpProtocol": "tcp", "FromPort": 6379, "ToPort": 6379}), ["CidrIp"])
	[f] := [f | some f in deny(r)]
	f.path == "CidrIp"
}
