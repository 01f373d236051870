# METADATA
# title: AWS load balancer facts
# description: |
#   Listeners of Application and Network Load Balancers (aws_lb_listener,
#   aws_alb_listener) and of Classic Load Balancers (listener blocks of
#   aws_elb), normalised to {"protocol" (upper case), "path", "redirects"
#   (to HTTPS), "internal" (of the load balancer, when known), "tls_policy"}.
package onus.lib.aws.elb

import data.onus.lib.aws

listener_types := {"aws_lb_listener", "aws_alb_listener"}

lb_types := {"aws_lb", "aws_alb"}

# listeners returns the listeners a resource declares.
default listeners(_) := []

listeners(r) := [{
	"protocol": upper(object.get(r.attrs, "protocol", default_protocol(r))),
	"path": "protocol",
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
