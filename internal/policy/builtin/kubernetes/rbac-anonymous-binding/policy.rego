# METADATA
# title: Role bound to anonymous users or to every authenticated identity
# description: |
#   system:anonymous and the system:unauthenticated group are whoever reaches
#   the API server without credentials (critical). system:authenticated is
#   every identity the cluster accepts, including every service account
#   token and, on some managed clusters, any account of the cloud provider
#   (high). system:serviceaccounts is every service account of the cluster
#   (high) and system:serviceaccounts:NAMESPACE every one of a namespace
#   (medium). Bindings of the built-in discovery roles
#   (system:public-info-viewer, system:discovery, system:basic-user) are the
#   cluster's defaults and are not reported; cluster-admin is reported by
#   ONUS-K8S-034.
# related_resources:
#   - ref: https://kubernetes.io/docs/reference/access-authn-authz/rbac/#discovery-roles
# custom:
#   id: ONUS-K8S-035
#   severity: high
#   category: identity
#   layer: data-access
#   targets:
#     - kind: kubernetes
#       types: ["@binding"]
#   controls:
#     nsa-cisa-kubernetes: ["authorization/rbac"]
#     nist-800-53: ["AC-6", "AC-14"]
#   remediation: |
#     Bind the role to the specific users, groups or service accounts that
#     need it.
package onus.kubernetes.rbac_anonymous_binding

defaults := {"system:public-info-viewer", "system:discovery", "system:basic-user", "cluster-admin"}

deny contains {"msg": msg, "path": path, "severity": severity} if {
	role := input.resource.attrs.roleRef.name
	not role in defaults
	some i, s in input.resource.attrs.subjects
	severity := broad[[s.kind, subject_group(s.name)]]
	msg := sprintf("%s %q grants %s %q to %s %s", [input.resource.type, input.resource.name, input.resource.attrs.roleRef.kind, role, s.kind, s.name])
	path := sprintf("subjects[%d]", [i])
}

broad := {
	["User", "system:anonymous"]: "critical",
	["Group", "system:unauthenticated"]: "critical",
	["Group", "system:authenticated"]: "high",
	["Group", "system:serviceaccounts"]: "high",
	["Group", "system:serviceaccounts:*"]: "medium",
}

subject_group(name) := "system:serviceaccounts:*" if startswith(name, "system:serviceaccounts:")

subject_group(name) := name if not startswith(name, "system:serviceaccounts:")
