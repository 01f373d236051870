# METADATA
# title: Container root filesystem is writable
# description: |
#   With a writable root filesystem an attacker can drop tools, change
#   binaries and configuration, and persist across process restarts inside the
#   container. A read-only root filesystem, with emptyDir volumes for the few
#   paths the application writes (/tmp, caches), makes the container
#   immutable. Ephemeral (debug) containers are not checked.
# related_resources:
#   - ref: https://kubernetes.io/docs/tasks/configure-pod-container/security-context/
# custom:
#   id: ONUS-K8S-005
#   severity: medium
#   category: workload-isolation
#   layer: operating-system
#   targets:
#     - kind: kubernetes
#       types: ["@workload"]
#   controls:
#     nsa-cisa-kubernetes: ["pod-security/immutable-filesystem"]
#     nist-800-53: ["CM-7", "SI-7"]
#   remediation: |
#     Set `securityContext.readOnlyRootFilesystem: true` and mount an
#     `emptyDir` volume at each path the application must write to.
package onus.kubernetes.read_only_root_filesystem

import data.onus.lib.kubernetes as k8s

deny contains {"msg": msg, "path": path} if {
	some c in k8s.declared_containers
	object.get(c.container, ["securityContext", "readOnlyRootFilesystem"], false) != true
	msg := sprintf("%s %q has a writable root filesystem (readOnlyRootFilesystem is not true)", [c.kind, c.name])
	path := k8s.container_security_path(c, "readOnlyRootFilesystem")
}
