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

secret_env(n) := [{"name": sprintf("S%d", [i]), "valueFrom": {"secretKeyRef": {"name": "s", "key": "k"}}} | some i in numbers.range(1, n)]

message(container) := r.msg if {
	some r in policy.deny with input.resource as pod(container)
}

test_summary_names if {
	message({"env": secret_env(4)}) == `container "app" reads 4 secret value(s) into environment variables: S1, S2, S3, S4`
	message({"env": secret_env(5)}) == `container "app" reads 5 secret value(s) into environment variables: S1, S2, S3 and 2 more`
	message({"env": secret_env(2), "envFrom": [{"secretRef": {"name": "a"}}, {"secretRef": {"name": "b"}}]}) == `container "app" reads 4 secret value(s) into environment variables: S1, S2, every key of Secret a, every key of Secret b`
	message({"env": secret_env(6), "envFrom": [{"secretRef": {"name": "a"}}]}) == `container "app" reads 7 secret value(s) into environment variables: S1, S2, S3 and 4 more`
	message({"env": secret_env(1), "envFrom": [{"secretRef": {"name": "a"}}, {"secretRef": {"name": "b"}}, {"secretRef": {"name": "c"}}, {"secretRef": {"name": "d"}}, {"secretRef": {"name": "e"}}]}) == `container "app" reads 6 secret value(s) into environment variables: S1, every key of Secret a, every key of Secret b and 3 more`
}
