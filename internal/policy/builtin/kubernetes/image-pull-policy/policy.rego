# METADATA
# title: Image pull policy can run a stale or unverified image
# description: |
#   imagePullPolicy decides whether the kubelet asks the registry before
#   starting a container. Never runs whatever image sits in the node's cache,
#   unverified, unless the reference is a digest. IfNotPresent on a mutable
#   reference (:latest or no tag) runs whichever :latest the node pulled
#   first, so nodes disagree about the code they run. Version tags with
#   IfNotPresent (the default for them) are not reported.
# related_resources:
#   - ref: https://kubernetes.io/docs/concepts/containers/images/#image-pull-policy
# custom:
#   id: ONUS-K8S-021
#   severity: low
#   category: configuration
#   layer: application
#   targets:
#     - kind: kubernetes
#       types: ["@workload"]
#   controls:
#     nsa-cisa-kubernetes: ["pod-security/secure-images"]
#     nist-800-53: ["CM-2", "SI-7"]
#   remediation: |
#     Pin the image to a version tag or digest. Use `imagePullPolicy: Always`
#     for mutable references, and avoid `Never` outside air-gapped nodes.
package onus.kubernetes.image_pull_policy

import data.onus.lib.kubernetes as k8s

deny contains {"msg": msg, "path": path} if {
	some c in k8s.containers
	c.container.imagePullPolicy == "Never"
	is_string(c.container.image)
	not k8s.image_pinned_by_digest(c.container.image)
	msg := sprintf("%s %q never pulls %s: it runs whatever image the node has cached", [c.kind, c.name, c.container.image])
	path := k8s.path_of(c.path, "imagePullPolicy")
}

deny contains {"msg": msg, "path": path} if {
	some c in k8s.containers
	c.container.imagePullPolicy == "IfNotPresent"
	is_string(c.container.image)
	k8s.image_mutable(c.container.image)
	msg := sprintf("%s %q pulls the mutable %s only if the node lacks it, so nodes can run different builds", [c.kind, c.name, c.container.image])
	path := k8s.path_of(c.path, "imagePullPolicy")
}
