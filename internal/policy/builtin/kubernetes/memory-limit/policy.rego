# METADATA
# title: Container has no memory limit
# description: |
#   Memory cannot be throttled: a container without a limit that leaks or is
#   made to allocate (a decompression bomb, an unbounded query) takes memory
#   from every pod on the node until the kernel's OOM killer picks victims,
#   possibly the kubelet's neighbours rather than the culprit. A limit
#   contains the damage to the container itself. Ephemeral containers
#   cannot declare resources and are skipped.
# related_resources:
#   - ref: https://kubernetes.io/docs/concepts/configuration/manage-resources-containers/
# custom:
#   id: ONUS-K8S-023
#   severity: medium
#   category: resilience
#   layer: application
#   targets:
#     - kind: kubernetes
#       types: ["@workload"]
#   controls:
#     nsa-cisa-kubernetes: ["network-separation/resource-policies"]
#     nist-800-53: ["SC-5", "SC-6"]
#   remediation: |
#     Set `resources.limits.memory` (usually equal to, or a little above, the
#     memory request), or a namespace LimitRange with a `default` memory
#     limit.
package onus.kubernetes.memory_limit

import data.onus.lib.kubernetes as k8s

deny contains {"msg": msg, "path": path} if {
	some c in k8s.declared_containers
	not c.container.resources.limits.memory
	msg := sprintf("%s %q has no memory limit", [c.kind, c.name])
	path := k8s.path_of(c.path, "resources.limits.memory")
}
