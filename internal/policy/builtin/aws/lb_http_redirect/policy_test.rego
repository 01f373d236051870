package onus.aws.lb_http_redirect_test

import data.onus.aws.lb_http_redirect
import data.onus.lib.aws.fixture as fx

deny(r, rs) := d if {
	d := lb_http_redirect.deny with input.resource as r with data.onus.estate as fx.estate(rs)
}

test_http_forward if {
	l := fx.tf("aws_lb_listener", "http", {"port": 80, "protocol": "HTTP", "default_action": [{"type": "forward"}]})
	[f] := [f | some f in deny(l, [l])]
	f.paths[0] == "protocol"
}

test_port_80_without_protocol if {
	l := fx.tf("aws_alb_listener", "http", {"port": 80, "default_action": [{"type": "forward"}]})
	count(deny(l, [l])) == 1
}

test_redirect_to_https if {
	l := fx.tf("aws_lb_listener", "http", {"port": 80, "protocol": "HTTP", "default_action": [{"type": "redirect", "redirect": [{"protocol": "HTTPS", "port": "443", "status_code": "HTTP_301"}]}]})
	count(deny(l, [l])) == 0
}

test_https_listener if {
	l := fx.tf("aws_lb_listener", "https", {"port": 443, "protocol": "HTTPS", "default_action": [{"type": "forward"}]})
	count(deny(l, [l])) == 0
}

test_internal_lb_not_reported if {
	lb := fx.tf("aws_lb", "internal", {"internal": true})
	l := fx.refs(fx.tf("aws_lb_listener", "http", {"port": 80, "protocol": "HTTP", "default_action": [{"type": "forward"}]}), {"load_balancer_arn": [lb.id]})
	count(deny(l, [lb, l])) == 0
}

test_classic_http if {
	e := fx.tf("aws_elb", "web", {"listener": [{"lb_port": 443, "lb_protocol": "https"}, {"lb_port": 80, "lb_protocol": "http"}]})
	[f] := [f | some f in deny(e, [e])]
	f.paths[0] == "listener[1].lb_protocol"
}

test_unknown_protocol_named if {
	l := fx.unknown(fx.tf("aws_lb_listener", "l", {"port": 80, "default_action": [{"type": "forward"}]}), ["protocol"])
	[f] := [f | some f in deny(l, [l])]
	f.paths[0] == "protocol"
}

cfn_listener(props) := fx.cfn("AWS::ElasticLoadBalancingV2::Listener", "Http", props)

test_cfn_http_forward if {
	l := cfn_listener({"Port": 80, "Protocol": "HTTP", "DefaultActions": [{"Type": "forward", "TargetGroupArn": "tg"}]})
	[f] := [f | some f in deny(l, [l])]
	f.paths == ["Protocol", "DefaultActions"]
}

test_cfn_port_80_as_string_without_protocol if {
	l := cfn_listener({"Port": "80", "DefaultActions": [{"Type": "forward"}]})
	count(deny(l, [l])) == 1
}

test_cfn_redirect if {
	l := cfn_listener({"Port": 80, "Protocol": "HTTP", "DefaultActions": [{"Type": "redirect", "RedirectConfig": {"Protocol": "HTTPS", "Port": "443", "StatusCode": "HTTP_301"}}]})
	count(deny(l, [l])) == 0
}

test_cfn_internal_load_balancer if {
	lb := fx.cfn("AWS::ElasticLoadBalancingV2::LoadBalancer", "Lb", {"Scheme": "internal"})
	l := fx.refs(cfn_listener({"Port": 80, "Protocol": "HTTP"}), {"LoadBalancerArn": [lb.id]})
	count(deny(l, [lb, l])) == 0
	public := fx.cfn("AWS::ElasticLoadBalancingV2::LoadBalancer", "Lb", {})
	count(deny(l, [public, l])) == 1
}

test_cfn_classic if {
	lb := fx.cfn("AWS::ElasticLoadBalancing::LoadBalancer", "Classic", {"Listeners": [
		{"LoadBalancerPort": "443", "InstancePort": "80", "Protocol": "HTTPS"},
		{"LoadBalancerPort": "80", "InstancePort": "80", "Protocol": "http"},
	]})
	[f] := [f | some f in deny(lb, [lb])]
	f.paths[0] == "Listeners[1].Protocol"
	internal := fx.cfn("AWS::ElasticLoadBalancing::LoadBalancer", "Classic", {"Scheme": "internal", "Listeners": [{"Protocol": "HTTP"}]})
	count(deny(internal, [internal])) == 0
}
