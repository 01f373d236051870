# METADATA
# title: Container image comes from a registry that is not allowed
# description: |
#   Images pulled from anywhere bring code nobody reviewed, scanned or signed
#   into the cluster. With the allowed parameter set in onus.yaml, every
#   image must come from one of the listed registries or repository
#   prefixes. Image names are resolved as the runtime resolves them: nginx is
#   docker.io/library/nginx. The default allows every registry, so the
#   policy is silent until an estate sets its list.
# related_resources:
#   - ref: https://kubernetes.io/docs/concepts/containers/images/
# custom:
#   id: ONUS-K8S-020
#   severity: high
#   category: vulnerability
#   layer: application
#   targets:
#     - kind: kubernetes
#       types: ["@workload"]
#   controls:
#     cis-kubernetes: ["5.5.1"]
#     nsa-cisa-kubernetes: ["pod-security/secure-images"]
#     nist-800-53: ["CM-7(5)", "SR-3"]
#   params:
#     allowed:
#       default: []
#       description: "registries (registry.example.com) or repository prefixes (ghcr.io/acme/) images may come from; empty allows every registry"
#   remediation: |
#     Mirror the image into an allowed registry (and scan it there), or add
#     the registry to `policies.params.ONUS-K8S-020.allowed` in onus.yaml
#     after review.
package onus.kubernetes.image_registry

import data.onus.lib.kubernetes as k8s

deny contains {"msg": msg, "path": path} if {
	count(input.params.allowed) > 0
	some c in k8s.containers
	image := c.container.image
	is_string(image)
	ref := k8s.image_ref(image)
	full := concat("/", [ref.registry, ref.repository])
	not allowed(full)
	msg := sprintf("%s %q pulls %s from %s, which is not an allowed registry", [c.kind, c.name, image, ref.registry])
	path := k8s.path_of(c.path, "image")
}

allowed(full) if {
	some a in input.params.allowed
	prefix := trim_right(a, "/")
	full == prefix
}

allowed(full) if {
	some a in input.params.allowed
	startswith(full, concat("", [trim_right(a, "/"), "/"]))
}
