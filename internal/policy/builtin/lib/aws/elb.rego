# METADATA
# title: AWS load balancer facts
# description: |
#   Listeners of Application and Network Load Balancers (aws_lb_listener,
#   aws_alb_listener, AWS::ElasticLoadBalancingV2::Listener) and of Classic
#   Load Balancers (listener blocks of aws_elb, Listeners of
#   AWS::ElasticLoadBalancing::LoadBalancer), normalised to {"protocol"
#   (upper case), "path", "actions_path", "redirects" (to HTTPS), "internal"
#   (of the load balancer, when known), "tls_policy", "tls_policy_path"};
#   and load balancers (aws_lb, aws_alb,
#   AWS::ElasticLoadBalancingV2::LoadBalancer) with the web ACL
#   associations that protect them.
package onus.lib.aws.elb

import data.onus.lib.aws

listener_types := {"aws_lb_listener", "aws_alb_listener"}

lb_types := {"aws_lb", "aws_alb"}

# listeners returns the listeners a resource declares.
default listeners(_) := []

listeners(r) := [{
	"protocol": upper(object.get(r.attrs, "protocol", default_protocol(r))),
	"path": "protocol",
	"actions_path": "default_action",
	"redirects": redirects_to_https(r),
	"internal": is_internal(r),
	"tls_policy": object.get(r.attrs, "ssl_policy", ""),
	"tls_policy_path": "ssl_policy",
}] if {
	r.kind == "terraform"
	r.type in listener_types
}

listeners(r) := [{
	"protocol": upper(object.get(l, "lb_protocol", "")),
	"path": sprintf("listener[%d].lb_protocol", [i]),
	"actions_path": sprintf("listener[%d].lb_protocol", [i]),
	"redirects": false,
	"internal": object.get(r.attrs, "internal", false) == true,
	"tls_policy": "",
	"tls_policy_path": "",
} |
	some i, l in object.get(r.attrs, "listener", [])
] if {
	r.kind == "terraform"
	r.type == "aws_elb"
}

# An Application Load Balancer listener without a protocol on port 80 is
# HTTP (the provider's default for application load balancers).
default_protocol(r) := "HTTP" if object.get(r.attrs, "port", 0) == 80

default_protocol(r) := "" if object.get(r.attrs, "port", 0) != 80

redirects_to_https(r) if {
	some a in object.get(r.attrs, "default_action", [])
	a.type == "redirect"
	upper(object.get(a, ["redirect", 0, "protocol"], "")) == "HTTPS"
}

default redirects_to_https(_) := false

# is_internal is true when the listener's load balancer is known to be
# internal.
is_internal(r) if {
	some lb in aws.referred(r, "load_balancer_arn")
	lb.attrs.internal == true
}

default is_internal(_) := false

cfn_listener := "AWS::ElasticLoadBalancingV2::Listener"

cfn_lb := "AWS::ElasticLoadBalancingV2::LoadBalancer"

cfn_classic := "AWS::ElasticLoadBalancing::LoadBalancer"

listeners(r) := [{
	"protocol": upper(object.get(r.attrs, "Protocol", cfn_default_protocol(r))),
	"path": "Protocol",
	"actions_path": "DefaultActions",
	"redirects": cfn_redirects_to_https(r),
	"internal": cfn_is_internal(r),
	"tls_policy": object.get(r.attrs, "SslPolicy", ""),
	"tls_policy_path": "SslPolicy",
}] if {
	r.kind == "cloudformation"
	r.type == cfn_listener
}

listeners(r) := [{
	"protocol": upper(object.get(l, "Protocol", "")),
	"path": sprintf("Listeners[%d].Protocol", [i]),
	"actions_path": sprintf("Listeners[%d].Protocol", [i]),
	"redirects": false,
	"internal": object.get(r.attrs, "Scheme", "internet-facing") == "internal",
	"tls_policy": "",
	"tls_policy_path": "",
} |
	some i, l in object.get(r.attrs, "Listeners", [])
	is_object(l)
] if {
	r.kind == "cloudformation"
	r.type == cfn_classic
}

cfn_default_protocol(r) := "HTTP" if aws.num(object.get(r.attrs, "Port", 0)) == 80

cfn_default_protocol(r) := "" if aws.num(object.get(r.attrs, "Port", 0)) != 80

cfn_default_protocol(r) := "" if not aws.num(object.get(r.attrs, "Port", 0))

default cfn_redirects_to_https(_) := false

cfn_redirects_to_https(r) if {
	some a in object.get(r.attrs, "DefaultActions", [])
	is_object(a)
	lower(object.get(a, "Type", "")) == "redirect"
	upper(object.get(a, ["RedirectConfig", "Protocol"], "")) == "HTTPS"
}

default cfn_is_internal(_) := false

cfn_is_internal(r) if {
	some lb in aws.referred(r, "LoadBalancerArn")
	lb.type == cfn_lb
	object.get(lb.attrs, "Scheme", "internet-facing") == "internal"
}

# load_balancer returns what decides whether a load balancer needs a web
# ACL: {"application", "internal", "paths" (where they are written)}.
load_balancer(r) := {
	"application": object.get(r.attrs, "load_balancer_type", "application") == "application",
	"internal": object.get(r.attrs, "internal", false) == true,
	"paths": ["internal", "load_balancer_type"],
} if {
	r.kind == "terraform"
	r.type in lb_types
}

load_balancer(r) := {
	"application": object.get(r.attrs, "Type", "application") == "application",
	"internal": object.get(r.attrs, "Scheme", "internet-facing") == "internal",
	"paths": ["Scheme", "Type"],
} if {
	r.kind == "cloudformation"
	r.type == cfn_lb
}

# waf_associations names, per format, the web ACL association types and
# the attribute that names the protected resource.
waf_associations := {
	"terraform": {"types": ["aws_wafv2_web_acl_association", "aws_wafregional_web_acl_association"], "attr": "resource_arn"},
	"cloudformation": {"types": ["AWS::WAFv2::WebACLAssociation", "AWS::WAFRegional::WebACLAssociation"], "attr": "ResourceArn"},
}

# waf_protected holds when a web ACL association refers to the load
# balancer.
waf_protected(r) if {
	a := waf_associations[r.kind]
	some t in a.types
	count(aws.referring(r.id, t, a.attr)) > 0
}

# unresolved_waf_association holds when an association of r's deployment
# unit names a resource the scan cannot see: it might protect r.
default unresolved_waf_association(_) := false

unresolved_waf_association(r) if {
	a := waf_associations[r.kind]
	some t in a.types
	some x in aws.in_unit(r, t)
	count(object.get(x.refs, a.attr, [])) == 0
}
