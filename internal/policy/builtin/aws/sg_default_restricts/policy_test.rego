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
