package onus.aws.sg_default_restricts_test

import data.onus.aws.sg_default_restricts
import data.onus.lib.aws.fixture as fx

test_rules_kept if {
	r := fx.tf("aws_default_security_group", "d", {"ingress": [{"protocol": "-1", "self": true}], "egress": [{"protocol": "-1", "cidr_blocks": ["0.0.0.0/0"]}]})
	paths := {f.path | some f in sg_default_restricts.deny with input.resource as r}
	paths == {"ingress[0]", "egress[0]"}
}

test_no_rules if {
	r := fx.tf("aws_default_security_group", "d", {"vpc_id": "vpc-1"})
	count(sg_default_restricts.deny) == 0 with input.resource as r
}

test_unknown_rules_point_at_themselves if {
	r := fx.unknown(fx.tf("aws_default_security_group", "d", {}), ["ingress"])
	[f] := [f | some f in sg_default_restricts.deny with input.resource as r]
	f.path == "ingress"
}

# --- CloudFormation ----------------------------------------------------------

cfn_vpc := fx.cfn("AWS::EC2::VPC", "Vpc", {"CidrBlock": "10.0.0.0/16"})

cfn_rule(type, group) := fx.unknown(fx.refs(fx.cfn(type, "Rule", {"IpProtocol": "tcp", "FromPort": 443, "ToPort": 443, "CidrIp": "10.0.0.0/8"}), {"GroupId": [group.id]}), ["GroupId"])

test_cfn_rule_on_default_group if {
	r := cfn_rule("AWS::EC2::SecurityGroupIngress", cfn_vpc)
	[f] := [f | some f in sg_default_restricts.deny with input.resource as r with data.onus.estate as fx.estate([cfn_vpc, r])]
	contains(f, "ingress rule adds to the default security group of Vpc")
}

test_cfn_egress_on_default_group if {
	r := cfn_rule("AWS::EC2::SecurityGroupEgress", cfn_vpc)
	[f] := [f | some f in sg_default_restricts.deny with input.resource as r with data.onus.estate as fx.estate([cfn_vpc, r])]
	contains(f, "egress")
}

test_cfn_rule_on_own_group if {
	sg := fx.cfn("AWS::EC2::SecurityGroup", "Sg", {"GroupDescription": "web"})
	r := cfn_rule("AWS::EC2::SecurityGroupIngress", sg)
	count(sg_default_restricts.deny) == 0 with input.resource as r with data.onus.estate as fx.estate([cfn_vpc, sg, r])
}
