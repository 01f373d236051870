# METADATA
# title: Pod shares the node's process namespace
# description: |
#   With hostPID the pod sees every process on the node. Combined with root
#   or SYS_PTRACE it can read their environment and memory through /proc
#   (secrets of other pods included), signal them, or enter their namespaces
#   with nsenter.
# related_resources:
#   - ref: https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline
# custom:
#   id: ONUS-K8S-010
#   severity: high
#   category: workload-isolation
#   layer: operating-system
#   targets:
#     - kind: kubernetes
#       types: ["@workload"]
#   controls:
#     cis-kubernetes: ["5.2.3"]
#     nsa-cisa-kubernetes: ["pod-security/host-namespaces"]
#     nist-800-53: ["AC-6", "SC-39"]
#   remediation: |
#     Remove `hostPID: true`. To share processes between the containers of one
#     pod, use `shareProcessNamespace: true` instead.
package onus.kubernetes.host_pid

import data.onus.lib.kubernetes as k8s

deny contains {"msg": msg, "path": path} if {
	k8s.pod.spec.hostPID == true
	msg := "the pod shares the node's process namespace (hostPID: true)"
	path := k8s.pod_path("hostPID")
}
