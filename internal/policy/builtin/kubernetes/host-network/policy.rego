# METADATA
# title: Pod shares the node's network namespace
# description: |
#   With hostNetwork the pod uses the node's network stack: it sees every
#   interface and connection of the node, can reach services listening on the
#   node's localhost (kubelet ports, node-local agents), can bind ports on
#   the node, and is not isolated by NetworkPolicy.
# related_resources:
#   - ref: https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline
# custom:
#   id: ONUS-K8S-009
#   severity: high
#   category: workload-isolation
#   layer: operating-system
#   targets:
#     - kind: kubernetes
#       types: ["@workload"]
#   controls:
#     cis-kubernetes: ["5.2.5"]
#     nsa-cisa-kubernetes: ["pod-security/host-namespaces"]
#     nist-800-53: ["AC-6", "SC-7", "SC-39"]
#   remediation: |
#     Remove `hostNetwork: true`. Expose the pod through a Service; a node
#     agent that must see node traffic belongs in its own namespace with a
#     documented exception.
package onus.kubernetes.host_network

import data.onus.lib.kubernetes as k8s

deny contains {"msg": msg, "path": path} if {
	k8s.pod.spec.hostNetwork == true
	msg := "the pod shares the node's network namespace (hostNetwork: true)"
	path := k8s.pod_path("hostNetwork")
}
