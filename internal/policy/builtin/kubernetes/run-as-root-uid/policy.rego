# METADATA
# title: Container runs as UID 0
# description: |
#   runAsUser: 0 makes the container's processes root, whatever the image
#   says. Root in a container is root on the node's kernel, with the default
#   capabilities of the runtime; a kernel or runtime bug, or a writable host
#   mount, turns it into root on the node.
# related_resources:
#   - ref: https://kubernetes.io/docs/concepts/security/pod-security-standards/#restricted
# custom:
#   id: ONUS-K8S-004
#   severity: high
#   category: workload-isolation
#   layer: operating-system
#   targets:
#     - kind: kubernetes
#       types: ["@workload"]
#   controls:
#     cis-kubernetes: ["5.2.7"]
#     nsa-cisa-kubernetes: ["pod-security/non-root"]
#     nist-800-53: ["AC-6", "AC-6(2)"]
#   remediation: |
#     Remove `runAsUser: 0` and run as a non-zero UID the image is built for
#     (`runAsUser: 10001`), with `runAsNonRoot: true`. If the process needs one
#     root privilege (binding port 80), grant only that capability.
package onus.kubernetes.run_as_root_uid

import data.onus.lib.kubernetes as k8s

deny contains {"msg": msg, "path": path} if {
	some c in k8s.containers
	k8s.security_value(c, "runAsUser") == 0
	msg := sprintf("%s %q runs as UID 0 (root), set at the %s level", [c.kind, c.name, k8s.security_level(c, "runAsUser")])
	path := k8s.security_path(c, "runAsUser")
}
