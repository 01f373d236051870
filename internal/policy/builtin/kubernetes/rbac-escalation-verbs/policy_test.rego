package onus.kubernetes.rbac_escalation_verbs_test

import data.onus.kubernetes.rbac_escalation_verbs as policy

role(rule) := {"kind": "kubernetes", "type": "ClusterRole", "name": "r", "attrs": {"rules": [rule]}}

test_bind if {
	some r in policy.deny with input.resource as role({"apiGroups": ["rbac.authorization.k8s.io"], "resources": ["clusterroles"], "verbs": ["get", "bind"]})
	r.path == "rules[0].verbs[1]"
}

test_impersonate if count(policy.deny) == 1 with input.resource as role({"apiGroups": [""], "resources": ["users", "groups"], "verbs": ["impersonate"]})

test_plain if count(policy.deny) == 0 with input.resource as role({"apiGroups": ["rbac.authorization.k8s.io"], "resources": ["roles"], "verbs": ["get", "list"]})
