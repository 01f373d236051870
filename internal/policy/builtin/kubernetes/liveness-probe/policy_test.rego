package onus.kubernetes.liveness_probe_test

import data.onus.kubernetes.liveness_probe as policy

pod(spec, container) := {"kind": "kubernetes", "type": "Pod", "pod": {
	"path": "spec",
	"spec": spec,
	"containers": [{"name": "app", "kind": "container", "path": "spec.containers[0]", "container": container}],
}}

test_missing if {
	some r in policy.deny with input.resource as pod({}, {})
	r.path == "spec.containers[0].livenessProbe"
}

test_present if count(policy.deny) == 0 with input.resource as pod({}, {"livenessProbe": {"tcpSocket": {"port": 5432}}})

test_run_to_completion_skipped if count(policy.deny) == 0 with input.resource as pod({"restartPolicy": "Never"}, {})
