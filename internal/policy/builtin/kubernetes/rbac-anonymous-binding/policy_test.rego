package onus.kubernetes.rbac_anonymous_binding_test

import data.onus.kubernetes.rbac_anonymous_binding as policy

binding(role, subject) := {"kind": "kubernetes", "type": "ClusterRoleBinding", "name": "b", "attrs": {
	"roleRef": {"kind": "ClusterRole", "name": role},
	"subjects": [{"kind": "User", "name": "alice"}, subject],
}}

test_unauthenticated_is_critical if {
	some r in policy.deny with input.resource as binding("view", {"kind": "Group", "name": "system:unauthenticated"})
	r.severity == "critical"
	r.path == "subjects[1]"
}

test_authenticated_is_high if {
	{r.severity | some r in policy.deny} == {"high"} with input.resource as binding("edit", {"kind": "Group", "name": "system:authenticated"})
}

test_namespace_service_accounts_is_medium if {
	{r.severity | some r in policy.deny} == {"medium"} with input.resource as binding("view", {"kind": "Group", "name": "system:serviceaccounts:shop"})
}

test_discovery_defaults if count(policy.deny) == 0 with input.resource as binding("system:public-info-viewer", {"kind": "Group", "name": "system:unauthenticated"})

test_named_subjects if count(policy.deny) == 0 with input.resource as binding("view", {"kind": "Group", "name": "sre"})
