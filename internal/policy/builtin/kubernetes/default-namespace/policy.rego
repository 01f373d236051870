# METADATA
# title: Workload runs in the default namespace
# description: |
#   Namespaces are the unit of RBAC, NetworkPolicy, quotas and Pod Security
#   admission. Workloads placed in default share it with whatever else lands
#   there by accident (every kubectl apply without -n), so they cannot be
#   given tight permissions, policies or quotas of their own. Only an
#   explicit namespace: default is reported: a manifest without a namespace
#   is usually applied with kubectl -n or a Helm release namespace, which
#   onus cannot see.
# related_resources:
#   - ref: https://kubernetes.io/docs/concepts/overview/working-with-objects/namespaces/
# custom:
#   id: ONUS-K8S-044
#   severity: low
#   category: configuration
#   layer: application
#   targets:
#     - kind: kubernetes
#       types: ["@workload"]
#   controls:
#     cis-kubernetes: ["5.7.1", "5.7.4"]
#     nsa-cisa-kubernetes: ["network-separation/namespaces"]
#     nist-800-53: ["AC-3", "CM-6"]
#   remediation: |
#     Create a namespace per application or team, with its own RBAC,
#     NetworkPolicies, ResourceQuota and Pod Security labels, and deploy there.
package onus.kubernetes.default_namespace

deny contains {"msg": msg, "path": "metadata.namespace"} if {
	input.resource.namespace == "default"
	msg := sprintf("%s %q runs in the default namespace", [input.resource.type, input.resource.name])
}
