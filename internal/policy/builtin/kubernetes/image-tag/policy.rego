# METADATA
# title: Container image uses the latest tag or no tag
# description: |
#   An image without a tag means :latest, and :latest moves: two nodes can
#   run different code for the same pod spec, a rollback does not roll back,
#   and nobody can say which build is in production or whether it has the
#   vulnerability just announced. Pin a version tag, or better a digest.
# related_resources:
#   - ref: https://kubernetes.io/docs/concepts/containers/images/#image-names
# custom:
#   id: ONUS-K8S-019
#   severity: medium
#   category: configuration
#   layer: application
#   targets:
#     - kind: kubernetes
#       types: ["@workload"]
#   controls:
#     nsa-cisa-kubernetes: ["pod-security/secure-images"]
#     nist-800-53: ["CM-2", "SI-7"]
#   remediation: |
#     Reference an immutable version (`registry.example.com/api:2.4.1`), or
#     pin the digest (`registry.example.com/api@sha256:…`) and let a tool
#     such as Renovate update it.
package onus.kubernetes.image_tag

import data.onus.lib.kubernetes as k8s

deny contains {"msg": msg, "path": path} if {
	some c in k8s.containers
	image := c.container.image
	is_string(image)
	k8s.image_mutable(image)
	msg := sprintf("%s %q uses image %s, %s", [c.kind, c.name, image, problem(image)])
	path := k8s.path_of(c.path, "image")
}

problem(image) := "which is the mutable :latest tag" if endswith(image, ":latest")

problem(image) := "which has no tag (so :latest)" if not endswith(image, ":latest")
