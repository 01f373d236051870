# METADATA
# title: Role grants escalate, bind or impersonate
# description: |
#   RBAC stops an account from granting permissions it does not hold, except
#   through three verbs: escalate (edit a role to add any permission), bind
#   (bind any role, cluster-admin included) and impersonate (act as another
#   user, group or service account). Each is a path to cluster-admin.
#   Wildcard verbs are reported by ONUS-K8S-032.
# related_resources:
#   - ref: https://kubernetes.io/docs/concepts/security/rbac-good-practices/#escalate-verb
# custom:
#   id: ONUS-K8S-036
#   severity: high
#   category: identity
#   layer: data-access
#   targets:
#     - kind: kubernetes
#       types: ["@role"]
#   controls:
#     cis-kubernetes: ["5.1.8"]
#     nsa-cisa-kubernetes: ["authorization/rbac"]
#     nist-800-53: ["AC-6", "AC-6(1)"]
#   remediation: |
#     Remove the verb. Role management belongs to cluster administrators or
#     to a GitOps controller; impersonation to audited break-glass tooling.
package onus.kubernetes.rbac_escalation_verbs

import data.onus.lib.kubernetes as k8s

verbs := {"escalate", "bind", "impersonate"}

deny contains {"msg": msg, "path": path} if {
	some r in k8s.rules
	some i, v in k8s.rule_list(r.rule, "verbs")
	v in verbs
	msg := sprintf("%s grants the %s verb on %s (rule %d)", [k8s.role_label, v, concat(", ", [sprintf("%v", [x]) | some x in k8s.rule_list(r.rule, "resources")]), r.index])
	path := sprintf("rules[%d].verbs[%d]", [r.index, i])
}
