package onus.kubernetes.readiness_probe_test

import data.onus.kubernetes.readiness_probe as policy

pod(container) := {"kind": "kubernetes", "type": "Deployment", "pod": {
	"path": "spec.template.spec",
	"spec": {},
	"containers": [{"name": "app", "kind": "container", "path": "spec.template.spec.containers[0]", "container": container}],
}}

test_missing if {
	some r in policy.deny with input.resource as pod({"ports": [{"containerPort": 80}]})
	r.path == "spec.template.spec.containers[0].readinessProbe"
}

test_no_ports_skipped if count(policy.deny) == 0 with input.resource as pod({})

test_present if count(policy.deny) == 0 with input.resource as pod({"ports": [{"containerPort": 80}], "readinessProbe": {"httpGet": {"path": "/ready", "port": 80}}})
