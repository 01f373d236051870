package onus.aws.lb_waf_test

import data.onus.aws.lb_waf
import data.onus.lib.aws.fixture as fx

lb := fx.tf("aws_lb", "web", {"load_balancer_type": "application"})

deny(r, rs) := d if {
	d := lb_waf.deny with input.resource as r with data.onus.estate as fx.estate(rs)
}

test_no_waf if {
	[f] := [f | some f in deny(lb, [lb])]
	not f.undetermined
}

test_waf_association if {
	a := fx.unknown(fx.refs(fx.tf("aws_wafv2_web_acl_association", "web", {}), {"resource_arn": [lb.id]}), ["resource_arn", "web_acl_arn"])
	count(deny(lb, [lb, a])) == 0
}

test_internal_and_network_lbs if {
	i := fx.tf("aws_lb", "i", {"internal": true})
	n := fx.tf("aws_lb", "n", {"load_balancer_type": "network"})
	count(deny(i, [i])) == 0
	count(deny(n, [n])) == 0
}

test_association_to_unknown_arn_is_undetermined if {
	a := fx.tf("aws_wafv2_web_acl_association", "x", {"resource_arn": "arn:aws:elasticloadbalancing:eu-west-1:1:loadbalancer/app/x/1"})
	[f] := [f | some f in deny(lb, [lb, a])]
	f.undetermined
}
