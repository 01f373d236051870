# METADATA
# title: Container does not drop all capabilities
# description: |
#   Containers start with the runtime's default capabilities (CHOWN,
#   DAC_OVERRIDE, FOWNER, SETUID, SETGID, NET_RAW and more). Most applications
#   need none of them; NET_RAW alone lets a compromised container spoof
#   packets on the node's network. Dropping ALL and adding back only what is
#   needed is the restricted Pod Security Standard.
# related_resources:
#   - ref: https://kubernetes.io/docs/concepts/security/pod-security-standards/#restricted
# custom:
#   id: ONUS-K8S-007
#   severity: medium
#   category: workload-isolation
#   layer: operating-system
#   targets:
#     - kind: kubernetes
#       types: ["@workload"]
#   controls:
#     cis-kubernetes: ["5.2.8", "5.2.10"]
#     nsa-cisa-kubernetes: ["pod-security/capabilities"]
#     nist-800-53: ["AC-6", "CM-7"]
#   remediation: |
#     Add `securityContext.capabilities.drop: ["ALL"]` to every container and
#     add back only the capabilities the process needs (usually none, at most
#     `NET_BIND_SERVICE`).
package onus.kubernetes.capabilities_drop_all

import data.onus.lib.kubernetes as k8s

deny contains {"msg": msg, "path": path} if {
	not k8s.is_windows
	some c in k8s.containers
	not drops_all(c)
	msg := sprintf("%s %q keeps the runtime's default capabilities: capabilities.drop does not include ALL", [c.kind, c.name])
	path := sprintf("%s.securityContext.capabilities.drop", [c.path])
}

drops_all(c) if {
	some cap in c.container.securityContext.capabilities.drop
	upper(cap) == "ALL"
}
