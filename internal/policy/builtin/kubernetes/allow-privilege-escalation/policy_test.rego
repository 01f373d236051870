package onus.kubernetes.allow_privilege_escalation_test

import data.onus.kubernetes.allow_privilege_escalation as policy

pod(containers) := {"kind": "kubernetes", "type": "Pod", "pod": {
	"path": "spec",
	"spec": {},
	"containers": [{"name": sprintf("c%d", [i]), "kind": "container", "path": sprintf("spec.containers[%d]", [i]), "container": c} |
		some i, c in containers
	],
}}

test_explicit_true_is_high if {
	some r in policy.deny with input.resource as pod([{"securityContext": {"allowPrivilegeEscalation": true}}])
	r.severity == "high"
	r.path == "spec.containers[0].securityContext.allowPrivilegeEscalation"
}

test_missing_is_reported if {
	count(policy.deny) == 2 with input.resource as pod([{}, {"securityContext": {"runAsNonRoot": true}}])
}

test_false_passes if {
	count(policy.deny) == 0 with input.resource as pod([{"securityContext": {"allowPrivilegeEscalation": false}}])
}

test_windows_pods_are_skipped if {
	p := object.union(pod([{}]), {"pod": {"spec": {"os": {"name": "windows"}}}})
	count(policy.deny) == 0 with input.resource as p
}
