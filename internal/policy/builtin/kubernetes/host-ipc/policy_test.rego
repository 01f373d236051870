package onus.kubernetes.host_ipc_test

import data.onus.kubernetes.host_ipc as policy

pod(spec) := {"kind": "kubernetes", "type": "Deployment", "pod": {"path": "spec.template.spec", "spec": spec, "containers": []}}

test_enabled if {
	some r in policy.deny with input.resource as pod({"hostIPC": true})
	r.path == "spec.template.spec.hostIPC"
}

test_disabled if {
	count(policy.deny) == 0 with input.resource as pod({"hostIPC": false})
}

test_unset if {
	count(policy.deny) == 0 with input.resource as pod({})
}
