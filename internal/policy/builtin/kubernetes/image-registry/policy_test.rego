package onus.kubernetes.image_registry_test

import data.onus.kubernetes.image_registry as policy

pod(image) := {"kind": "kubernetes", "type": "Pod", "pod": {
	"path": "spec",
	"spec": {},
	"containers": [{"name": "app", "kind": "container", "path": "spec.containers[0]", "container": {"image": image}}],
}}

test_default_allows_everything if {
	count(policy.deny) == 0 with input.resource as pod("evil.example.net/miner:1") with input.params.allowed as []
}

test_docker_hub_short_name if {
	some r in policy.deny with input.resource as pod("nginx:1.27") with input.params.allowed as ["registry.example.com"]
	contains(r.msg, "docker.io")
}

test_registry_allowed if {
	count(policy.deny) == 0 with input.resource as pod("registry.example.com/team/api:1") with input.params.allowed as ["registry.example.com"]
}

test_lookalike_host_denied if {
	count(policy.deny) == 1 with input.resource as pod("registry.example.com.evil.net/api:1") with input.params.allowed as ["registry.example.com"]
}

test_repository_prefix if {
	count(policy.deny) == 0 with input.resource as pod("ghcr.io/acme/api@sha256:abc") with input.params.allowed as ["ghcr.io/acme/"]
	count(policy.deny) == 1 with input.resource as pod("ghcr.io/other/api:1") with input.params.allowed as ["ghcr.io/acme/"]
}

test_docker_hub_library if {
	count(policy.deny) == 0 with input.resource as pod("redis:7") with input.params.allowed as ["docker.io/library"]
}
