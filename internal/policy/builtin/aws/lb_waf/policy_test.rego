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

cfn_lb := fx.cfn("AWS::ElasticLoadBalancingV2::LoadBalancer", "Web", {"Subnets": ["a", "b"]})

test_cfn_no_waf if {
	[f] := [f | some f in deny(cfn_lb, [cfn_lb])]
	f.paths == ["Scheme", "Type"]
	not f.undetermined
}

test_cfn_waf_association if {
	a := fx.unknown(fx.refs(fx.cfn("AWS::WAFv2::WebACLAssociation", "Assoc", {}), {"ResourceArn": [cfn_lb.id], "WebACLArn": [fx.cfn_id("Acl")]}), ["ResourceArn", "WebACLArn"])
	count(deny(cfn_lb, [cfn_lb, a])) == 0
	r := fx.refs(fx.cfn("AWS::WAFRegional::WebACLAssociation", "Assoc", {"WebACLId": "acl"}), {"ResourceArn": [cfn_lb.id]})
	count(deny(cfn_lb, [cfn_lb, r])) == 0
}

test_cfn_internal_and_network if {
	i := fx.cfn("AWS::ElasticLoadBalancingV2::LoadBalancer", "I", {"Scheme": "internal"})
	n := fx.cfn("AWS::ElasticLoadBalancingV2::LoadBalancer", "N", {"Type": "network"})
	count(deny(i, [i])) == 0
	count(deny(n, [n])) == 0
}

test_cfn_association_to_unknown_arn_is_undetermined if {
	a := fx.cfn("AWS::WAFv2::WebACLAssociation", "Assoc", {"ResourceArn": "arn:aws:elasticloadbalancing:eu-west-1:1:loadbalancer/app/x/1", "WebACLArn": "arn"})
	[f] := [f | some f in deny(cfn_lb, [cfn_lb, a])]
	f.undetermined
}
