package onus.kubernetes.image_tag_test

import data.onus.kubernetes.image_tag as policy

pod(image) := {"kind": "kubernetes", "type": "Pod", "pod": {
	"path": "spec",
	"spec": {},
	"containers": [{"name": "app", "kind": "container", "path": "spec.containers[0]", "container": {"image": image}}],
}}

test_no_tag if {
	some r in policy.deny with input.resource as pod("nginx")
	r.path == "spec.containers[0].image"
}

test_latest if count(policy.deny) == 1 with input.resource as pod("ghcr.io/acme/api:latest")

test_registry_port_is_not_a_tag if count(policy.deny) == 1 with input.resource as pod("registry.local:5000/api")

test_version if count(policy.deny) == 0 with input.resource as pod("registry.local:5000/api:1.2.3")

test_digest if count(policy.deny) == 0 with input.resource as pod("nginx@sha256:0d17b565c37bcbd895e9d92315a05c1c3c9a29f762b011a10c54a66cd53c9b31")
