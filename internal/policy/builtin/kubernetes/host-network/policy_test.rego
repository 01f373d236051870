package onus.kubernetes.host_network_test

import data.onus.kubernetes.host_network as policy

pod(spec) := {"kind": "kubernetes", "type": "Deployment", "pod": {"path": "spec.template.spec", "spec": spec, "containers": []}}

test_enabled if {
	some r in policy.deny with input.resource as pod({"hostNetwork": true})
	r.path == "spec.template.spec.hostNetwork"
}

test_disabled if {
	count(policy.deny) == 0 with input.resource as pod({"hostNetwork": false})
}

test_unset if {
	count(policy.deny) == 0 with input.resource as pod({})
}
