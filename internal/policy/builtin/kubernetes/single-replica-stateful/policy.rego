# METADATA
# title: Stateful tier runs a single replica
# description: |
#   A database, cache or message broker with one replica is a single point of
#   failure: a node drain, an eviction or a crash takes the tier down, and
#   with it every service that depends on it, until the pod is rescheduled
#   and its volume re-attached (minutes, or forever if the zone is gone).
#   Reported for StatefulSets, and for Deployments whose labels name a
#   stateful tier (app.kubernetes.io/component, component, tier or role set
#   to database, db, datastore, cache, queue, broker or storage), when they
#   run one replica (or leave replicas unset, which means one). A replica
#   count of 0 is a deliberate scale-down and is not reported.
# related_resources:
#   - ref: https://kubernetes.io/docs/tasks/run-application/run-replicated-stateful-application/
# custom:
#   id: ONUS-K8S-047
#   severity: low
#   category: resilience
#   layer: application
#   targets:
#     - kind: kubernetes
#       types: ["StatefulSet", "Deployment"]
#   controls:
#     nist-800-53: ["CP-10", "SC-36"]
#   remediation: |
#     Run the tier replicated (three replicas across zones, with the
#     database's own replication or an operator that manages failover), or
#     use a managed service with high availability.
package onus.kubernetes.single_replica_stateful

import data.onus.lib.kubernetes as k8s

stateful_words := {"database", "db", "datastore", "cache", "queue", "broker", "storage"}

tier_labels := ["app.kubernetes.io/component", "component", "tier", "role"]

deny contains {"msg": msg, "path": "spec.replicas"} if {
	stateful
	replicas := object.get(input.resource.attrs.spec, "replicas", 1)
	replicas == 1
	msg := sprintf("%s %q is a stateful tier with a single replica", [input.resource.type, input.resource.name])
}

stateful if input.resource.type == "StatefulSet"

stateful if {
	input.resource.type == "Deployment"
	some l in tier_labels
	some labels in [input.resource.labels, k8s.pod_labels]
	lower(labels[l]) in stateful_words
}
