package onus.kubernetes.resource_requests_test

import data.onus.kubernetes.resource_requests as policy

pod(kind, resources) := {"kind": "kubernetes", "type": "Pod", "pod": {
	"path": "spec",
	"spec": {},
	"containers": [{"name": "app", "kind": kind, "path": "spec.containers[0]", "container": {"resources": resources}}],
}}

test_none if {
	some r in policy.deny with input.resource as pod("container", {})
	r.msg == "container \"app\" requests no cpu or memory"
	r.path == "spec.containers[0].resources.requests"
}

test_limit_counts_as_request if {
	count(policy.deny) == 0 with input.resource as pod("initContainer", {"requests": {"cpu": "100m"}, "limits": {"memory": "128Mi"}})
}

test_ephemeral_skipped if count(policy.deny) == 0 with input.resource as pod("ephemeralContainer", {})

message(container) := r.msg if {
	some r in policy.deny with input.resource as {"kind": "kubernetes", "type": "Pod", "pod": {
		"path": "spec",
		"spec": {},
		"containers": [{"name": "app", "kind": "container", "path": "spec.containers[0]", "container": container}],
	}}
}

test_shapes if {
	message({}) == `container "app" requests no cpu or memory`
	message({"resources": null}) == `container "app" requests no cpu or memory`
	message({"resources": {"requests": null, "limits": {"cpu": "1"}}}) == `container "app" requests no memory`
	message({"resources": {"requests": {"memory": "1Gi"}}}) == `container "app" requests no cpu`
	not message({"resources": {"requests": {"memory": "1Gi"}, "limits": {"cpu": "1"}}})
}
