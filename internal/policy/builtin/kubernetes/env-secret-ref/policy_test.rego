package onus.kubernetes.env_secret_ref_test

import data.onus.kubernetes.env_secret_ref as policy

pod(container) := {"kind": "kubernetes", "type": "Pod", "pod": {
	"path": "spec",
	"spec": {},
	"containers": [{"name": "app", "kind": "container", "path": "spec.containers[0]", "container": container}],
}}

test_secret_key_ref if {
	some r in policy.deny with input.resource as pod({"env": [
		{"name": "A", "value": "1"},
		{"name": "TOKEN", "valueFrom": {"secretKeyRef": {"name": "s", "key": "t"}}},
	]})
	r.path == "spec.containers[0].env[1].valueFrom.secretKeyRef"
	contains(r.msg, "TOKEN")
}

test_env_from if {
	some r in policy.deny with input.resource as pod({"envFrom": [{"configMapRef": {"name": "c"}}, {"secretRef": {"name": "s"}}]})
	r.path == "spec.containers[0].envFrom[1].secretRef"
}

test_one_finding_per_container if {
	env := [{"name": sprintf("S%d", [i]), "valueFrom": {"secretKeyRef": {"name": "s", "key": "k"}}} | some i in numbers.range(1, 6)]
	count(policy.deny) == 1 with input.resource as pod({"env": env})
	some r in policy.deny with input.resource as pod({"env": env})
	contains(r.msg, "and 3 more")
}

test_config_only if count(policy.deny) == 0 with input.resource as pod({"env": [{"name": "A", "valueFrom": {"configMapKeyRef": {"name": "c", "key": "k"}}}]})
