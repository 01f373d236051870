package onus.aws.lb_tls_policy_test

import data.onus.aws.lb_tls_policy
import data.onus.lib.aws.fixture as fx

deny(attrs) := d if {
	d := lb_tls_policy.deny with input.resource as fx.tf("aws_lb_listener", "l", attrs) with input.params as {"allowed": ["Custom-TLS12"]}
}

test_old_policy if {
	[f] := [f | some f in deny({"protocol": "HTTPS", "ssl_policy": "ELBSecurityPolicy-2016-08"})]
	f.path == "ssl_policy"
}

test_tls13_1_0_is_old if {
	count(deny({"protocol": "TLS", "ssl_policy": "ELBSecurityPolicy-TLS13-1-0-2021-06"})) == 1
}

test_missing_policy if {
	[f] := [f | some f in deny({"protocol": "HTTPS"})]
	contains(f.msg, "ELBSecurityPolicy-2016-08")
}

test_modern if {
	count(deny({"protocol": "HTTPS", "ssl_policy": "ELBSecurityPolicy-TLS13-1-2-2021-06"})) == 0
	count(deny({"protocol": "HTTPS", "ssl_policy": "ELBSecurityPolicy-FS-1-2-Res-2020-10"})) == 0
}

test_allowed_param if {
	count(deny({"protocol": "HTTPS", "ssl_policy": "Custom-TLS12"})) == 0
}

test_http_ignored if {
	count(deny({"protocol": "HTTP"})) == 0
}

test_unknown_policy_points_at_itself if {
	d := lb_tls_policy.deny with input.resource as fx.unknown(fx.tf("aws_lb_listener", "l", {"protocol": "HTTPS"}), ["ssl_policy"]) with input.params as {"allowed": []}
	[f] := [f | some f in d]
	f.path == "ssl_policy"
}

cfn_deny(props) := d if {
	d := lb_tls_policy.deny with input.resource as fx.cfn("AWS::ElasticLoadBalancingV2::Listener", "L", props) with input.params as {"allowed": []}
}

test_cfn_old_policy if {
	[f] := [f | some f in cfn_deny({"Protocol": "HTTPS", "SslPolicy": "ELBSecurityPolicy-TLS-1-1-2017-01"})]
	f.path == "SslPolicy"
	contains(f.msg, "SslPolicy \"ELBSecurityPolicy-TLS-1-1-2017-01\"")
}

test_cfn_no_policy if {
	[f] := [f | some f in cfn_deny({"Protocol": "TLS", "Port": 443})]
	contains(f.msg, "sets no SslPolicy")
}

test_cfn_modern_and_plain if {
	count(cfn_deny({"Protocol": "HTTPS", "SslPolicy": "ELBSecurityPolicy-TLS13-1-2-2021-06"})) == 0
	count(cfn_deny({"Protocol": "HTTP", "Port": 80})) == 0
}
