package onus.kubernetes.rbac_wildcard_test

import data.onus.kubernetes.rbac_wildcard as policy

role(rules) := {"kind": "kubernetes", "type": "ClusterRole", "name": "r", "attrs": {"rules": rules}}

test_full_wildcard_is_critical if {
	some r in policy.deny with input.resource as role([{"apiGroups": ["*"], "resources": ["*"], "verbs": ["*"]}])
	r.severity == "critical"
	r.path == "rules[0].apiGroups"
}

test_verb_wildcard_is_high if {
	some r in policy.deny with input.resource as role([{"apiGroups": [""], "resources": ["pods"], "verbs": ["get"]}, {"apiGroups": [""], "resources": ["configmaps"], "verbs": ["*"]}])
	r.severity == "high"
	r.path == "rules[1].verbs"
}

test_explicit_passes if count(policy.deny) == 0 with input.resource as role([{"apiGroups": ["apps"], "resources": ["deployments"], "verbs": ["get", "list"]}])

test_non_resource_urls_ignored if count(policy.deny) == 0 with input.resource as role([{"nonResourceURLs": ["*"], "verbs": ["get"]}])
