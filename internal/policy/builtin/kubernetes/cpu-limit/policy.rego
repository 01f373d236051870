# METADATA
# title: Container has no CPU limit
# description: |
#   Without a CPU limit a busy or hijacked container (a crypto miner is the
#   usual payload) can take every idle cycle of the node, and the pod cannot
#   be Guaranteed QoS. Teams that rely on CPU requests alone for fairness,
#   to avoid throttling latency-sensitive services, can disable this policy
#   in onus.yaml; memory limits (ONUS-K8S-023) matter more. Ephemeral
#   containers cannot declare resources and are skipped.
# related_resources:
#   - ref: https://kubernetes.io/docs/concepts/configuration/manage-resources-containers/
# custom:
#   id: ONUS-K8S-024
#   severity: low
#   category: resilience
#   layer: application
#   targets:
#     - kind: kubernetes
#       types: ["@workload"]
#   controls:
#     nsa-cisa-kubernetes: ["network-separation/resource-policies"]
#     nist-800-53: ["SC-6"]
#   remediation: |
#     Set `resources.limits.cpu`, or a namespace LimitRange with a `default`
#     CPU limit.
package onus.kubernetes.cpu_limit

import data.onus.lib.kubernetes as k8s

deny contains {"msg": msg, "path": path} if {
	some c in k8s.declared_containers
	not c.container.resources.limits.cpu
	msg := sprintf("%s %q has no CPU limit", [c.kind, c.name])
	path := k8s.path_of(c.path, "resources.limits.cpu")
}
