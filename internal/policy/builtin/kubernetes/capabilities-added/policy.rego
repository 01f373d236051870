# METADATA
# title: Container adds Linux capabilities
# description: |
#   Capabilities split root's power into pieces; adding one hands that piece
#   to the container. SYS_ADMIN (mount, namespaces, BPF: nearly root), ALL and
#   SYS_MODULE (load kernel modules) let a container take over the node and
#   are critical. Any other capability outside the runtime's default set
#   (NET_ADMIN, SYS_PTRACE, NET_RAW, BPF, SYS_RAWIO…) is high. Capabilities of
#   the default set added back after dropping ALL are medium, except
#   NET_BIND_SERVICE, which the restricted Pod Security Standard allows.
# related_resources:
#   - ref: https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline
#   - ref: https://man7.org/linux/man-pages/man7/capabilities.7.html
# custom:
#   id: ONUS-K8S-006
#   severity: high
#   category: workload-isolation
#   layer: operating-system
#   targets:
#     - kind: kubernetes
#       types: ["@workload"]
#   controls:
#     cis-kubernetes: ["5.2.8", "5.2.9"]
#     nsa-cisa-kubernetes: ["pod-security/capabilities"]
#     nist-800-53: ["AC-6", "CM-7"]
#   params:
#     allowed: {default: [], description: "capabilities that may be added (names without CAP_, like NET_ADMIN)"}
#   remediation: |
#     Remove the capability from `securityContext.capabilities.add`. If the
#     process really needs it, run that function in a separate, dedicated
#     workload and list the capability in this policy's `allowed` parameter.
package onus.kubernetes.capabilities_added

import data.onus.lib.kubernetes as k8s

# critical capabilities hand the node to the container.
critical := {"ALL", "SYS_ADMIN", "SYS_MODULE"}

# baseline is the runtime's default set, which the baseline Pod Security
# Standard allows to be added.
baseline := {
	"AUDIT_WRITE", "CHOWN", "DAC_OVERRIDE", "FOWNER", "FSETID", "KILL", "MKNOD",
	"NET_BIND_SERVICE", "SETFCAP", "SETGID", "SETPCAP", "SETUID", "SYS_CHROOT",
}

deny contains {"msg": msg, "path": path, "severity": severity} if {
	not k8s.is_windows
	some c in k8s.containers
	some i, raw in c.container.securityContext.capabilities.add
	cap := normalise(raw)
	cap != "NET_BIND_SERVICE"
	not cap in {normalise(a) | some a in input.params.allowed}
	severity := severity_of(cap)
	msg := sprintf("%s %q adds the %s capability", [c.kind, c.name, cap])
	path := sprintf("%s.securityContext.capabilities.add[%d]", [c.path, i])
}

normalise(cap) := trim_prefix(upper(cap), "CAP_")

severity_of(cap) := "critical" if cap in critical

severity_of(cap) := "high" if {
	not cap in critical
	not cap in baseline
}

severity_of(cap) := "medium" if cap in baseline
