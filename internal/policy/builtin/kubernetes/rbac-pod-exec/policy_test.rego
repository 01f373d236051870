package onus.kubernetes.rbac_pod_exec_test

import data.onus.kubernetes.rbac_pod_exec as policy

role(rule) := {"kind": "kubernetes", "type": "Role", "name": "r", "attrs": {"rules": [rule]}}

test_create_pods if {
	some r in policy.deny with input.resource as role({"apiGroups": [""], "resources": ["pods"], "verbs": ["create", "delete"]})
	r.path == "rules[0].resources"
}

test_create_deployments if count(policy.deny) == 1 with input.resource as role({"apiGroups": ["apps"], "resources": ["deployments"], "verbs": ["create"]})

test_wrong_group if count(policy.deny) == 0 with input.resource as role({"apiGroups": [""], "resources": ["deployments"], "verbs": ["create"]})

test_exec if count(policy.deny) == 1 with input.resource as role({"apiGroups": [""], "resources": ["pods/exec"], "verbs": ["create"]})

test_read_pods if count(policy.deny) == 0 with input.resource as role({"apiGroups": [""], "resources": ["pods", "pods/log"], "verbs": ["get", "list"]})
