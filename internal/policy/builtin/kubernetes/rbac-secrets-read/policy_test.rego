package onus.kubernetes.rbac_secrets_read_test

import data.onus.kubernetes.rbac_secrets_read as policy

role(rule) := {"kind": "kubernetes", "type": "Role", "name": "r", "attrs": {"rules": [rule]}}

test_list if {
	some r in policy.deny with input.resource as role({"apiGroups": [""], "resources": ["configmaps", "secrets"], "verbs": ["get", "list"]})
	r.severity == "high"
	r.path == "rules[0].resources"
}

test_get_only if {
	some r in policy.deny with input.resource as role({"apiGroups": [""], "resources": ["secrets"], "verbs": ["get"]})
	r.severity == "medium"
}

test_get_named if count(policy.deny) == 0 with input.resource as role({"apiGroups": [""], "resources": ["secrets"], "resourceNames": ["tls"], "verbs": ["get"]})

test_other_group if count(policy.deny) == 0 with input.resource as role({"apiGroups": ["apps"], "resources": ["secrets"], "verbs": ["list"]})

test_write_only if count(policy.deny) == 0 with input.resource as role({"apiGroups": [""], "resources": ["secrets"], "verbs": ["create", "update"]})
