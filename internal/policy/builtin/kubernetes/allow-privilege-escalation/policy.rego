# METADATA
# title: Container allows privilege escalation
# description: |
#   Unless allowPrivilegeEscalation is false, a process in the container can
#   gain more privileges than its parent through setuid binaries or file
#   capabilities (the no_new_privs flag is not set). An attacker who lands in
#   the container as an unprivileged user can then become root inside it, one
#   step closer to the node. The Pod Security Standards' restricted profile
#   requires the field to be false.
# related_resources:
#   - ref: https://kubernetes.io/docs/concepts/security/pod-security-standards/#restricted
# custom:
#   id: ONUS-K8S-002
#   severity: medium
#   category: workload-isolation
#   layer: operating-system
#   targets:
#     - kind: kubernetes
#       types: ["@workload"]
#   controls:
#     cis-kubernetes: ["5.2.6"]
#     nsa-cisa-kubernetes: ["pod-security/privilege-escalation"]
#     nist-800-53: ["AC-6", "AC-6(10)"]
#   remediation: |
#     Set `securityContext.allowPrivilegeEscalation: false` on every container
#     (init and ephemeral containers included).
package onus.kubernetes.allow_privilege_escalation

import data.onus.lib.kubernetes as k8s

deny contains result if {
	not k8s.is_windows
	some c in k8s.containers
	value := object.get(c.container, ["securityContext", "allowPrivilegeEscalation"], null)
	value != false
	result := finding(c, value)
}

finding(c, true) := {
	"msg": sprintf("%s %q sets allowPrivilegeEscalation: true", [c.kind, c.name]),
	"path": k8s.container_security_path(c, "allowPrivilegeEscalation"),
	"severity": "high",
}

finding(c, value) := {
	"msg": sprintf("%s %q does not set allowPrivilegeEscalation: false, so setuid binaries can raise its privileges", [c.kind, c.name]),
	"path": k8s.container_security_path(c, "allowPrivilegeEscalation"),
} if value != true
