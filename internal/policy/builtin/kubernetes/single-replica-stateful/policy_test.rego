package onus.kubernetes.single_replica_stateful_test

import data.onus.kubernetes.single_replica_stateful as policy

workload(type, spec, labels) := {"kind": "kubernetes", "type": type, "name": "db", "labels": labels, "attrs": {"spec": spec}, "pod": {"metadata": {}}}

test_statefulset_unset if {
	some r in policy.deny with input.resource as workload("StatefulSet", {}, {})
	r.path == "spec.replicas"
}

test_statefulset_three if count(policy.deny) == 0 with input.resource as workload("StatefulSet", {"replicas": 3}, {})

test_scaled_to_zero if count(policy.deny) == 0 with input.resource as workload("StatefulSet", {"replicas": 0}, {})

test_database_deployment if count(policy.deny) == 1 with input.resource as workload("Deployment", {"replicas": 1}, {"app.kubernetes.io/component": "database"})

test_web_deployment if count(policy.deny) == 0 with input.resource as workload("Deployment", {"replicas": 1}, {"tier": "frontend"})
