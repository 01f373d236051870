# METADATA
# title: Container unmasks /proc
# description: |
#   The runtime masks and makes read-only the sensitive parts of /proc
#   (/proc/kcore, /proc/sys, /proc/sysrq-trigger…). procMount: Unmasked
#   removes those protections, so the container can read kernel memory
#   layouts and write kernel parameters of the node.
# related_resources:
#   - ref: https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline
# custom:
#   id: ONUS-K8S-015
#   severity: high
#   category: workload-isolation
#   layer: operating-system
#   targets:
#     - kind: kubernetes
#       types: ["@workload"]
#   controls:
#     nsa-cisa-kubernetes: ["pod-security/hardened-environment"]
#     nist-800-53: ["AC-6", "SC-39"]
#   remediation: |
#     Remove `securityContext.procMount` or set it to `Default`.
package onus.kubernetes.proc_mount

import data.onus.lib.kubernetes as k8s

deny contains {"msg": msg, "path": path} if {
	some c in k8s.containers
	mount := c.container.securityContext.procMount
	mount != "Default"
	msg := sprintf("%s %q sets procMount: %v, unmasking the node's /proc", [c.kind, c.name, mount])
	path := k8s.container_security_path(c, "procMount")
}
