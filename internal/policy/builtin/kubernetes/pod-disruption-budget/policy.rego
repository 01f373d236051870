# METADATA
# title: Replicated workload has no PodDisruptionBudget
# description: |
#   Node drains (upgrades, autoscaler scale-downs, spot reclaims) evict pods
#   without regard to the service they form unless a PodDisruptionBudget
#   says how many may go at once: a routine node-pool upgrade can take every
#   replica down together. Deployments, StatefulSets, ReplicaSets and
#   ReplicationControllers with more than one replica are checked against
#   every PodDisruptionBudget of their namespace in the scan (its selector
#   must match the pod template's labels). The policy needs the whole
#   estate, so it is skipped at admission.
# related_resources:
#   - ref: https://kubernetes.io/docs/tasks/run-application/configure-pdb/
# custom:
#   id: ONUS-K8S-046
#   severity: low
#   category: resilience
#   layer: application
#   targets:
#     - kind: kubernetes
#       types: ["Deployment", "StatefulSet", "ReplicaSet", "ReplicationController"]
#   controls:
#     nist-800-53: ["CP-10", "SC-6"]
#   remediation: |
#     Add a PodDisruptionBudget selecting the pods with `maxUnavailable: 1`
#     (or a `minAvailable` that still lets nodes drain).
package onus.kubernetes.pod_disruption_budget

import data.onus.lib.estate
import data.onus.lib.kubernetes as k8s

deny contains {"msg": msg, "path": "spec.replicas"} if {
	replicas := input.resource.attrs.spec.replicas
	is_number(replicas)
	replicas > 1
	not protected
	msg := sprintf("%s %q runs %d replicas and no PodDisruptionBudget selects its pods", [input.resource.type, input.resource.name, replicas])
}

protected if {
	labels := k8s.pod_labels
	some pdb in estate.selecting(k8s.namespace, "PodDisruptionBudget", labels)
	k8s.selects(pdb.selector, labels)
}
