# METADATA
# title: Role grants a privilege-escalation path through a sensitive resource
# description: |
#   A few permissions lead around RBAC to more power than they name:
#   - nodes/proxy reaches the kubelet API, which runs commands in any pod on
#     the node (high);
#   - approving certificatesigningrequests (update on
#     certificatesigningrequests/approval) mints client certificates for any
#     identity, system:masters included (high);
#   - writing validating or mutating webhook configurations lets a subject
#     read or rewrite every object sent to the API server (high);
#   - creating persistentvolumes can mount any hostPath (medium);
#   - creating serviceaccounts/token issues tokens of other accounts (medium).
#   Wildcards are reported by ONUS-K8S-032.
# related_resources:
#   - ref: https://kubernetes.io/docs/concepts/security/rbac-good-practices/#kubernetes-rbac---privilege-escalation-risks
# custom:
#   id: ONUS-K8S-038
#   severity: high
#   category: identity
#   layer: data-access
#   targets:
#     - kind: kubernetes
#       types: ["@role"]
#   controls:
#     cis-kubernetes: ["5.1.9", "5.1.10", "5.1.11", "5.1.12", "5.1.13"]
#     nsa-cisa-kubernetes: ["authorization/rbac"]
#     nist-800-53: ["AC-6", "AC-6(1)"]
#   remediation: |
#     Remove the permission; these belong to the control plane's own
#     components and to cluster administrators.
package onus.kubernetes.rbac_sensitive_resources

import data.onus.lib.kubernetes as k8s

paths := [
	{"group": "", "resource": "nodes/proxy", "verbs": {"get", "create", "update", "patch", "delete"}, "severity": "high", "why": "reaches the kubelet API of every node"},
	{"group": "certificates.k8s.io", "resource": "certificatesigningrequests/approval", "verbs": {"update", "patch"}, "severity": "high", "why": "approves client certificates for any identity"},
	{"group": "certificates.k8s.io", "resource": "signers", "verbs": {"approve"}, "severity": "high", "why": "approves client certificates for any identity"},
	{"group": "admissionregistration.k8s.io", "resource": "validatingwebhookconfigurations", "verbs": {"create", "update", "patch", "delete"}, "severity": "high", "why": "controls admission of every object"},
	{"group": "admissionregistration.k8s.io", "resource": "mutatingwebhookconfigurations", "verbs": {"create", "update", "patch", "delete"}, "severity": "high", "why": "rewrites every object sent to the API server"},
	{"group": "", "resource": "persistentvolumes", "verbs": {"create"}, "severity": "medium", "why": "can mount any path of a node through a hostPath volume"},
	{"group": "", "resource": "serviceaccounts/token", "verbs": {"create"}, "severity": "medium", "why": "issues tokens of other service accounts"},
]

# sensitive_resources are the resources of paths: a rule that names none of
# them (most rules) is passed over with one lookup per resource it names.
sensitive_resources := {p.resource | some p in paths}

deny contains {"msg": msg, "path": path, "severity": p.severity} if {
	some r in k8s.rules
	some resource in k8s.rule_list(r.rule, "resources")
	resource in sensitive_resources
	some p in paths
	p.resource == resource
	k8s.grants(r.rule, p.group, p.verbs, {p.resource})
	msg := sprintf("%s grants %s on %s, which %s (rule %d)", [k8s.role_label, concat("/", [v | some v in k8s.rule_list(r.rule, "verbs"); v in p.verbs]), p.resource, p.why, r.index])
	path := sprintf("rules[%d].resources", [r.index])
}
