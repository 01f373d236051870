package onus.kubernetes.run_as_non_root_test

import data.onus.kubernetes.run_as_non_root as policy

pod(pod_sc, sc) := {"kind": "kubernetes", "type": "Pod", "pod": {
	"path": "spec",
	"spec": {"securityContext": pod_sc},
	"containers": [{"name": "app", "kind": "container", "path": "spec.containers[0]", "container": {"securityContext": sc}}],
}}

test_nothing_set_is_reported if {
	some r in policy.deny with input.resource as pod({}, {})
	r.path == "spec.containers[0].securityContext.runAsNonRoot"
}

test_pod_level_non_root_passes if {
	count(policy.deny) == 0 with input.resource as pod({"runAsNonRoot": true}, {})
}

test_non_zero_uid_passes if {
	count(policy.deny) == 0 with input.resource as pod({}, {"runAsUser": 10001})
}

test_container_false_overrides_pod_true if {
	some r in policy.deny with input.resource as pod({"runAsNonRoot": true}, {"runAsNonRoot": false})
	r.path == "spec.containers[0].securityContext.runAsNonRoot"
}

test_pod_level_false_points_at_pod if {
	some r in policy.deny with input.resource as pod({"runAsNonRoot": false}, {})
	r.path == "spec.securityContext.runAsNonRoot"
}

test_uid_zero_left_to_its_own_policy if {
	count(policy.deny) == 0 with input.resource as pod({}, {"runAsUser": 0})
}
