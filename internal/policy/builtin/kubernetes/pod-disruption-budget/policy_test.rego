package onus.kubernetes.pod_disruption_budget_test

import data.onus.kubernetes.pod_disruption_budget as policy
import data.onus.lib.estate as lib

deployment(replicas) := {"kind": "kubernetes", "type": "Deployment", "name": "api", "namespace": "shop",
	"attrs": {"spec": {"replicas": replicas}},
	"pod": {"metadata": {"labels": {"app": "api", "tier": "backend"}}, "spec": {}, "containers": []},
}

estate(selector) := lib.build([{"type": "PodDisruptionBudget", "namespace": "shop", "attrs": {"spec": {"maxUnavailable": 1, "selector": selector}}, "selector": selector}])

test_missing if {
	some r in policy.deny with input.resource as deployment(3) with data.onus.estate as {}
	r.path == "spec.replicas"
}

test_single_replica if count(policy.deny) == 0 with input.resource as deployment(1) with data.onus.estate as {}

test_matching_budget if count(policy.deny) == 0 with input.resource as deployment(3) with data.onus.estate as estate({"matchLabels": {"app": "api"}})

test_budget_for_other_pods if count(policy.deny) == 1 with input.resource as deployment(3) with data.onus.estate as estate({"matchLabels": {"app": "web"}})
