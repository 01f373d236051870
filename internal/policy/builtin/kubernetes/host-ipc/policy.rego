# METADATA
# title: Pod shares the node's IPC namespace
# description: |
#   With hostIPC the pod shares System V IPC and POSIX message queues with
#   every process on the node, and can read or corrupt the shared memory of
#   other workloads.
# related_resources:
#   - ref: https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline
# custom:
#   id: ONUS-K8S-011
#   severity: high
#   category: workload-isolation
#   layer: operating-system
#   targets:
#     - kind: kubernetes
#       types: ["@workload"]
#   controls:
#     cis-kubernetes: ["5.2.4"]
#     nsa-cisa-kubernetes: ["pod-security/host-namespaces"]
#     nist-800-53: ["AC-6", "SC-39"]
#   remediation: |
#     Remove `hostIPC: true`. Containers of one pod already share an IPC
#     namespace.
package onus.kubernetes.host_ipc

import data.onus.lib.kubernetes as k8s

deny contains {"msg": msg, "path": path} if {
	k8s.pod.spec.hostIPC == true
	msg := "the pod shares the node's IPC namespace (hostIPC: true)"
	path := k8s.pod_path("hostIPC")
}
