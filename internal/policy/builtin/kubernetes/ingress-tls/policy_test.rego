package onus.kubernetes.ingress_tls_test

import data.onus.kubernetes.ingress_tls as policy

ingress(spec) := {"kind": "kubernetes", "type": "Ingress", "name": "web", "attrs": {"spec": spec}}

rules := [{"host": "shop.example.com"}, {"host": "api.example.com"}]

test_no_tls if {
	some r in policy.deny with input.resource as ingress({"rules": rules})
	r.path == "spec.tls"
}

test_host_not_covered if {
	some r in policy.deny with input.resource as ingress({"rules": rules, "tls": [{"hosts": ["shop.example.com"]}]})
	r.path == "spec.rules[1].host"
}

test_wildcard if count(policy.deny) == 0 with input.resource as ingress({"rules": rules, "tls": [{"hosts": ["*.example.com"]}]})

test_wildcard_one_label_only if count(policy.deny) == 1 with input.resource as ingress({"rules": [{"host": "a.b.example.com"}], "tls": [{"hosts": ["*.example.com"]}]})

test_tls_without_hosts if count(policy.deny) == 0 with input.resource as ingress({"rules": rules, "tls": [{"secretName": "default-cert"}]})
