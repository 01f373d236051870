# METADATA
# title: Role can read Secrets
# description: |
#   Reading Secrets is reading every credential they hold: database
#   passwords, API keys, TLS keys and the tokens of other service accounts,
#   which lead to their permissions in turn. list and watch return every
#   Secret in scope at once (high); get needs the name but names are easy to
#   guess (medium), unless resourceNames restricts it to named Secrets, which
#   is the least-privilege way and is not reported. Wildcards are reported by
#   ONUS-K8S-032.
# related_resources:
#   - ref: https://kubernetes.io/docs/concepts/security/rbac-good-practices/#listing-secrets
# custom:
#   id: ONUS-K8S-033
#   severity: high
#   category: secrets
#   layer: data-access
#   targets:
#     - kind: kubernetes
#       types: ["@role"]
#   controls:
#     cis-kubernetes: ["5.1.2"]
#     nsa-cisa-kubernetes: ["authorization/rbac"]
#     nist-800-53: ["AC-3", "AC-6"]
#   remediation: |
#     Remove `secrets` from the rule, or grant only `get` with
#     `resourceNames` listing the Secrets the subject needs. Mounting the
#     Secret into the pod needs no RBAC permission at all.
package onus.kubernetes.rbac_secrets_read

import data.onus.lib.kubernetes as k8s

deny contains {"msg": msg, "path": path, "severity": "high"} if {
	some r in k8s.rules
	k8s.grants(r.rule, "", {"list", "watch"}, {"secrets"})
	verbs := [v | some v in k8s.rule_list(r.rule, "verbs"); v in {"list", "watch"}]
	msg := sprintf("%s can %s every Secret in its scope (rule %d)", [k8s.role_label, concat(" and ", verbs), r.index])
	path := sprintf("rules[%d].resources", [r.index])
}

deny contains {"msg": msg, "path": path, "severity": "medium"} if {
	some r in k8s.rules
	k8s.grants(r.rule, "", {"get"}, {"secrets"})
	not k8s.grants(r.rule, "", {"list", "watch"}, {"secrets"})
	count(object.get(r.rule, "resourceNames", [])) == 0
	msg := sprintf("%s can get any Secret by name (rule %d)", [k8s.role_label, r.index])
	path := sprintf("rules[%d].resources", [r.index])
}
