# METADATA
# title: Workload is not isolated by any NetworkPolicy
# description: |
#   Kubernetes lets every pod reach every other pod unless a NetworkPolicy
#   selects it: one compromised pod anywhere in the cluster can then talk to
#   the database, the payment API or the metrics endpoint of any workload.
#   This is a cross-resource check, answered from every NetworkPolicy in the
#   scan. It reports per workload, so the finding names the pods left open
#   and points at the line to change: at the workload's namespace when that
#   namespace has no NetworkPolicy at all, and at the pod labels when the
#   namespace has policies but none selects these pods for ingress (its
#   podSelector matches the pod template's labels, and its policyTypes
#   include Ingress or are left to default). Objects without a namespace
#   count as the default namespace. The policy needs the whole estate, so it
#   is skipped where only one object is known (admission).
# related_resources:
#   - ref: https://kubernetes.io/docs/concepts/services-networking/network-policies/
# custom:
#   id: ONUS-K8S-042
#   severity: medium
#   category: network-exposure
#   layer: network
#   targets:
#     - kind: kubernetes
#       types: ["@workload"]
#   controls:
#     cis-kubernetes: ["5.3.2"]
#     nsa-cisa-kubernetes: ["network-separation/network-policies"]
#     nist-800-53: ["AC-4", "SC-7"]
#   remediation: |
#     Add a default-deny NetworkPolicy to the namespace (`podSelector: {}`,
#     `policyTypes: [Ingress, Egress]`) and a policy per workload that allows
#     only the callers it needs.
package onus.kubernetes.network_policy_missing

import data.onus.lib.estate
import data.onus.lib.kubernetes as k8s

policies := estate.in_effective_namespace(k8s.namespace, "NetworkPolicy")

deny contains {"msg": msg, "path": "metadata.namespace"} if {
	k8s.is_workload
	count(policies) == 0
	msg := sprintf("namespace %s has no NetworkPolicy, so every pod in the cluster can reach these pods", [k8s.namespace])
}

deny contains {"msg": msg, "path": path} if {
	k8s.is_workload
	count(policies) > 0
	not isolated
	msg := sprintf("none of the %d NetworkPolicies of namespace %s selects these pods for ingress", [count(policies), k8s.namespace])
	path := concat(".", [k8s.pod.metadata_path, "labels"])
}

# isolated holds when a NetworkPolicy selects the pods for ingress; the
# estate's selector index gives the few policies that may select them.
isolated if {
	labels := k8s.pod_labels
	some np in estate.selecting(k8s.namespace, "NetworkPolicy", labels)
	k8s.selects(np.selector, labels)
	"Ingress" in object.get(np.attrs.spec, "policyTypes", ["Ingress"])
}
