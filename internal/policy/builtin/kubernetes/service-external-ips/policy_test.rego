package onus.kubernetes.service_external_ips_test

import data.onus.kubernetes.service_external_ips as policy

service(spec) := {"kind": "kubernetes", "type": "Service", "name": "s", "attrs": {"spec": spec}}

test_external_ips if {
	some r in policy.deny with input.resource as service({"externalIPs": ["203.0.113.10"]})
	r.path == "spec.externalIPs"
}

test_none if count(policy.deny) == 0 with input.resource as service({"externalIPs": []})
