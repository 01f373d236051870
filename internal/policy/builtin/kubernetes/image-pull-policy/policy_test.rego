package onus.kubernetes.image_pull_policy_test

import data.onus.kubernetes.image_pull_policy as policy

pod(image, pull) := {"kind": "kubernetes", "type": "Pod", "pod": {
	"path": "spec",
	"spec": {},
	"containers": [{"name": "app", "kind": "container", "path": "spec.containers[0]", "container": {"image": image, "imagePullPolicy": pull}}],
}}

test_never if {
	some r in policy.deny with input.resource as pod("api:1.0", "Never")
	r.path == "spec.containers[0].imagePullPolicy"
}

test_never_with_digest if count(policy.deny) == 0 with input.resource as pod("api@sha256:abc", "Never")

test_if_not_present_latest if count(policy.deny) == 1 with input.resource as pod("api:latest", "IfNotPresent")

test_if_not_present_version if count(policy.deny) == 0 with input.resource as pod("api:1.0", "IfNotPresent")

test_always_latest if count(policy.deny) == 0 with input.resource as pod("api", "Always")
