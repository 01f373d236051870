package onus.kubernetes.cluster_admin_binding_test

import data.onus.kubernetes.cluster_admin_binding as policy

binding(type, role, subjects) := {"kind": "kubernetes", "type": type, "name": "b", "namespace": "ns", "attrs": {
	"roleRef": {"apiGroup": "rbac.authorization.k8s.io", "kind": "ClusterRole", "name": role},
	"subjects": subjects,
}}

test_service_account_is_critical if {
	some r in policy.deny with input.resource as binding("ClusterRoleBinding", "cluster-admin", [{"kind": "ServiceAccount", "name": "ci", "namespace": "ci"}])
	r.severity == "critical"
	r.path == "subjects[0]"
	contains(r.msg, "ci/ci")
}

test_authenticated_is_critical if {
	some r in policy.deny with input.resource as binding("ClusterRoleBinding", "cluster-admin", [{"kind": "Group", "name": "system:authenticated"}])
	r.severity == "critical"
}

test_user_is_high if {
	some r in policy.deny with input.resource as binding("ClusterRoleBinding", "cluster-admin", [{"kind": "User", "name": "alice@example.com"}])
	r.severity == "high"
}

test_role_binding_is_high if {
	some r in policy.deny with input.resource as binding("RoleBinding", "cluster-admin", [{"kind": "ServiceAccount", "name": "ci"}])
	r.severity == "high"
}

test_other_role if count(policy.deny) == 0 with input.resource as binding("ClusterRoleBinding", "view", [{"kind": "ServiceAccount", "name": "ci", "namespace": "ci"}])
