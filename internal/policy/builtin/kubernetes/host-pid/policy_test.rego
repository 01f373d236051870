package onus.kubernetes.host_pid_test

import data.onus.kubernetes.host_pid as policy

pod(spec) := {"kind": "kubernetes", "type": "Deployment", "pod": {"path": "spec.template.spec", "spec": spec, "containers": []}}

test_enabled if {
	some r in policy.deny with input.resource as pod({"hostPID": true})
	r.path == "spec.template.spec.hostPID"
}

test_disabled if {
	count(policy.deny) == 0 with input.resource as pod({"hostPID": false})
}

test_unset if {
	count(policy.deny) == 0 with input.resource as pod({})
}
