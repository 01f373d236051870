# METADATA
# title: Role grants wildcard permissions
# description: |
#   "*" in verbs, resources or apiGroups grants everything that exists now
#   and everything added later (new resources, CRDs, subresources such as
#   pods/exec). A rule with "*" verbs on "*" resources is administrator
#   access over those API groups and is critical; any other wildcard is
#   high. nonResourceURLs are not checked.
# related_resources:
#   - ref: https://kubernetes.io/docs/concepts/security/rbac-good-practices/
# custom:
#   id: ONUS-K8S-032
#   severity: high
#   category: identity
#   layer: data-access
#   targets:
#     - kind: kubernetes
#       types: ["@role"]
#   controls:
#     cis-kubernetes: ["5.1.3"]
#     nsa-cisa-kubernetes: ["authorization/rbac"]
#     nist-800-53: ["AC-3", "AC-6"]
#   remediation: |
#     List the API groups, resources and verbs the subjects need. `kubectl
#     auth can-i --list --as=system:serviceaccount:NS:NAME` and the API
#     server audit log show what an account really uses.
package onus.kubernetes.rbac_wildcard

import data.onus.lib.kubernetes as k8s

deny contains {"msg": msg, "path": path, "severity": severity} if {
	some r in k8s.rules
	fields := [f | some f in ["apiGroups", "resources", "verbs"]; "*" in k8s.rule_list(r.rule, f)]
	count(fields) > 0
	severity := severity_of(fields)
	msg := sprintf("%s grants \"*\" in %s of rule %d", [k8s.role_label, concat(" and ", fields), r.index])
	path := sprintf("rules[%d].%s", [r.index, fields[0]])
}

severity_of(fields) := "critical" if {
	"resources" in fields
	"verbs" in fields
} else := "high"
