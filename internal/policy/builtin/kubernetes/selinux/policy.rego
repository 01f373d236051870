# METADATA
# title: Container sets a custom SELinux type, user or role
# description: |
#   On SELinux nodes (RHEL, Fedora CoreOS, OpenShift, Bottlerocket) the
#   container runtime confines containers with the container_t type. Setting
#   seLinuxOptions.type to something else (spc_t, unconfined_t) or setting a
#   user or role can lift that confinement. Only the container types the
#   baseline Pod Security Standard allows pass: container_t,
#   container_init_t, container_kvm_t and container_engine_t.
# related_resources:
#   - ref: https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline
# custom:
#   id: ONUS-K8S-017
#   severity: high
#   category: workload-isolation
#   layer: operating-system
#   targets:
#     - kind: kubernetes
#       types: ["@workload"]
#   controls:
#     nsa-cisa-kubernetes: ["pod-security/selinux"]
#     nist-800-53: ["AC-3(3)", "AC-6", "SC-39"]
#   remediation: |
#     Remove `seLinuxOptions.type`, `user` and `role`, or set the type to
#     `container_t`; keep `level` for multi-category separation if needed.
package onus.kubernetes.selinux

import data.onus.lib.kubernetes as k8s

allowed_types := {"", "container_t", "container_init_t", "container_kvm_t", "container_engine_t"}

deny contains {"msg": msg, "path": path} if {
	not k8s.is_windows
	some c in k8s.containers
	options := k8s.security_value(c, "seLinuxOptions")
	some field in ["type", "user", "role"]
	value := options[field]
	not allowed(field, value)
	msg := sprintf("%s %q sets seLinuxOptions.%s: %v", [c.kind, c.name, field, value])
	path := concat(".", [k8s.security_path(c, "seLinuxOptions"), field])
}

allowed("type", value) if value in allowed_types

allowed(field, "") if field in {"user", "role"}

allowed(field, null) if field in {"user", "role"}
