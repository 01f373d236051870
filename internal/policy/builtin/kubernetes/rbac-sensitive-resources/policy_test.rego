package onus.kubernetes.rbac_sensitive_resources_test

import data.onus.kubernetes.rbac_sensitive_resources as policy

role(rule) := {"kind": "kubernetes", "type": "ClusterRole", "name": "r", "attrs": {"rules": [rule]}}

test_nodes_proxy if {
	some r in policy.deny with input.resource as role({"apiGroups": [""], "resources": ["nodes/proxy"], "verbs": ["get"]})
	r.severity == "high"
}

test_csr_approval if count(policy.deny) == 1 with input.resource as role({"apiGroups": ["certificates.k8s.io"], "resources": ["certificatesigningrequests/approval"], "verbs": ["update"]})

test_webhooks if count(policy.deny) == 2 with input.resource as role({"apiGroups": ["admissionregistration.k8s.io"], "resources": ["validatingwebhookconfigurations", "mutatingwebhookconfigurations"], "verbs": ["patch"]})

test_pv_create_is_medium if {
	some r in policy.deny with input.resource as role({"apiGroups": [""], "resources": ["persistentvolumes"], "verbs": ["create"]})
	r.severity == "medium"
}

test_read_only if count(policy.deny) == 0 with input.resource as role({"apiGroups": ["admissionregistration.k8s.io"], "resources": ["validatingwebhookconfigurations"], "verbs": ["get", "list"]})

test_exact_results if {
	results := policy.deny with input.resource as {"kind": "kubernetes", "type": "Role", "name": "r", "attrs": {"rules": [
		{"apiGroups": [""], "resources": ["pods", "persistentvolumes", "persistentvolumes"], "verbs": ["create", "get"]},
		{"apiGroups": ["*"], "resources": "serviceaccounts/token", "verbs": "create"},
		{"apiGroups": [""], "resources": ["*"], "verbs": ["*"]},
		{"apiGroups": ["apps"], "resources": ["nodes/proxy"], "verbs": ["get"]},
	]}}
	results == {
		{"msg": `Role "r" grants create on persistentvolumes, which can mount any path of a node through a hostPath volume (rule 0)`, "path": "rules[0].resources", "severity": "medium"},
		{"msg": `Role "r" grants create on serviceaccounts/token, which issues tokens of other service accounts (rule 1)`, "path": "rules[1].resources", "severity": "medium"},
	}
}
