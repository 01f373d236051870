# METADATA
# title: Container may run as root
# description: |
#   A container runs as the user its image names, which is root for most
#   images, unless the pod or the container sets runAsNonRoot: true (the
#   kubelet then refuses to start it as UID 0) or a non-zero runAsUser. Root in
#   a container is root on the node's kernel: one kernel or runtime bug, or one
#   writable host mount, away from the node.
#   An explicit runAsUser of 0 is reported by ONUS-K8S-004 instead.
# related_resources:
#   - ref: https://kubernetes.io/docs/concepts/security/pod-security-standards/#restricted
# custom:
#   id: ONUS-K8S-003
#   severity: medium
#   category: workload-isolation
#   layer: operating-system
#   targets:
#     - kind: kubernetes
#       types: ["@workload"]
#   controls:
#     cis-kubernetes: ["5.2.7", "5.7.3"]
#     nsa-cisa-kubernetes: ["pod-security/non-root"]
#     nist-800-53: ["AC-6", "AC-6(2)"]
#   remediation: |
#     Set `securityContext.runAsNonRoot: true` in the pod spec (it applies to
#     every container) and build the image with a numeric non-root `USER`, or
#     set a non-zero `runAsUser`.
package onus.kubernetes.run_as_non_root

import data.onus.lib.kubernetes as k8s

deny contains {"msg": msg, "path": path} if {
	not k8s.is_windows
	some c in k8s.containers
	value := run_as_non_root(c)
	value != true
	not uid_set(c)
	msg := message(c, value)
	path := k8s.security_path(c, "runAsNonRoot")
}

run_as_non_root(c) := v if {
	v := k8s.security_value(c, "runAsNonRoot")
} else := null

# a non-zero runAsUser runs as non-root; zero is ONUS-K8S-004's finding
uid_set(c) if {
	uid := k8s.security_value(c, "runAsUser")
	is_number(uid)
	uid >= 0
}

message(c, false) := sprintf("%s %q allows root: runAsNonRoot is false and no non-zero runAsUser is set", [c.kind, c.name])

message(c, value) := sprintf("%s %q may run as root: neither runAsNonRoot: true nor a non-zero runAsUser is set", [c.kind, c.name]) if value != false
