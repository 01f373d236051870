package onus.kubernetes.cpu_limit_test

import data.onus.kubernetes.cpu_limit as policy

pod(resources) := {"kind": "kubernetes", "type": "Pod", "pod": {
	"path": "spec",
	"spec": {},
	"containers": [{"name": "app", "kind": "container", "path": "spec.containers[0]", "container": {"resources": resources}}],
}}

test_missing if {
	some r in policy.deny with input.resource as pod({"limits": {"memory": "1Gi"}})
	r.path == "spec.containers[0].resources.limits.cpu"
}

test_set if count(policy.deny) == 0 with input.resource as pod({"limits": {"cpu": 2}})
