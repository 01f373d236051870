# METADATA
# title: cluster-admin bound to a service account or a broad group
# description: |
#   cluster-admin can do anything to any object in the cluster, Secrets and
#   RBAC included. Bound to a service account, it turns one compromised pod
#   into a compromised cluster; bound to system:authenticated,
#   system:unauthenticated, system:serviceaccounts or system:anonymous, it
#   gives the cluster away. Those bindings are critical. cluster-admin bound
#   to named users or groups is high: it belongs to break-glass accounts
#   only. A RoleBinding to cluster-admin is administrator access to its
#   namespace (high).
# related_resources:
#   - ref: https://kubernetes.io/docs/concepts/security/rbac-good-practices/#least-privilege
# custom:
#   id: ONUS-K8S-034
#   severity: critical
#   category: identity
#   layer: data-access
#   targets:
#     - kind: kubernetes
#       types: ["@binding"]
#   controls:
#     cis-kubernetes: ["5.1.1"]
#     nsa-cisa-kubernetes: ["authorization/rbac"]
#     nist-800-53: ["AC-6", "AC-6(5)"]
#   remediation: |
#     Bind the subject to a Role (or ClusterRole) with only the permissions it
#     needs. Keep cluster-admin for a small, audited set of break-glass users.
package onus.kubernetes.cluster_admin_binding

broad_groups := {"system:authenticated", "system:unauthenticated", "system:serviceaccounts"}

deny contains {"msg": msg, "path": path, "severity": severity} if {
	input.resource.attrs.roleRef.kind == "ClusterRole"
	input.resource.attrs.roleRef.name == "cluster-admin"
	some i, s in input.resource.attrs.subjects
	severity := severity_of(input.resource.type, s)
	msg := sprintf("%s %q grants cluster-admin%s to %s %s", [input.resource.type, input.resource.name, scope, s.kind, subject_name(s)])
	path := sprintf("subjects[%d]", [i])
}

scope := "" if input.resource.type == "ClusterRoleBinding"

scope := sprintf(" in namespace %s", [input.resource.namespace]) if input.resource.type == "RoleBinding"

subject_name(s) := sprintf("%s/%s", [s.namespace, s.name]) if {
	s.kind == "ServiceAccount"
	s.namespace
}

subject_name(s) := s.name if {
	not s.namespace
}

subject_name(s) := s.name if {
	s.kind != "ServiceAccount"
	s.namespace
}

severity_of("RoleBinding", _) := "high"

severity_of("ClusterRoleBinding", s) := "critical" if critical_subject(s)

severity_of("ClusterRoleBinding", s) := "high" if not critical_subject(s)

critical_subject(s) if s.kind == "ServiceAccount"

critical_subject(s) if {
	s.kind == "Group"
	s.name in broad_groups
}

critical_subject(s) if {
	s.kind == "Group"
	startswith(s.name, "system:serviceaccounts:")
}

critical_subject(s) if {
	s.kind == "User"
	s.name == "system:anonymous"
}
