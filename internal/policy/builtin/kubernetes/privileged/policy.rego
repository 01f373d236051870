# METADATA
# title: Container runs privileged
# description: |
#   A privileged container runs with every capability of root on the node and
#   sees the host's devices. Anyone who controls the container controls the
#   node, and with it every other pod scheduled there.
# related_resources:
#   - ref: https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline
# custom:
#   id: ONUS-K8S-001
#   severity: critical
#   category: workload-isolation
#   layer: operating-system
#   targets:
#     - kind: kubernetes
#       types: ["@workload"]
#   controls:
#     cis-kubernetes: ["5.2.2"]
#     nsa-cisa-kubernetes: ["pod-security/privileged"]
#     nist-800-53: ["AC-6", "CM-7"]
#     csa-ccm: ["IVS-04"]
#   remediation: |
#     Remove `securityContext.privileged` or set it to `false`. If the container needs one
#     kernel feature, add only that capability under `securityContext.capabilities.add`.
package onus.kubernetes.privileged

import data.onus.lib.kubernetes as k8s

deny contains {"msg": msg, "path": path} if {
	some c in k8s.containers
	c.container.securityContext.privileged == true
	msg := sprintf("%s %q runs privileged", [c.kind, c.name])
	path := k8s.path_of(c.path, "securityContext.privileged")
}
