package onus.kubernetes.capabilities_drop_all_test

import data.onus.kubernetes.capabilities_drop_all as policy

pod(sc) := {"kind": "kubernetes", "type": "Pod", "pod": {
	"path": "spec",
	"spec": {},
	"containers": [{"name": "app", "kind": "container", "path": "spec.containers[0]", "container": {"securityContext": sc}}],
}}

test_missing if {
	some r in policy.deny with input.resource as pod({})
	r.path == "spec.containers[0].securityContext.capabilities.drop"
}

test_drops_some if {
	count(policy.deny) == 1 with input.resource as pod({"capabilities": {"drop": ["NET_RAW"]}})
}

test_drops_all if {
	count(policy.deny) == 0 with input.resource as pod({"capabilities": {"drop": ["all"]}})
}
