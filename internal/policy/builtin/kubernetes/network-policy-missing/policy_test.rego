package onus.kubernetes.network_policy_missing_test

import data.onus.kubernetes.network_policy_missing as policy
import data.onus.lib.estate as lib

workload(ns, labels) := {"kind": "kubernetes", "type": "Deployment", "namespace": ns, "pod": {
	"path": "spec.template.spec", "spec": {}, "metadata_path": "spec.template.metadata",
	"metadata": {"labels": labels}, "containers": [],
}}

estate(ns, specs) := lib.build([{"type": "NetworkPolicy", "namespace": ns, "attrs": {"spec": s}, "selector": object.get(s, "podSelector", {})} | some s in specs])

test_no_policy_in_namespace if {
	some r in policy.deny with input.resource as workload("shop", {"app": "api"}) with data.onus.estate as estate("other", [{"podSelector": {}}])
	r.path == "metadata.namespace"
}

test_default_deny_selects_everything if {
	count(policy.deny) == 0 with input.resource as workload("shop", {"app": "api"}) with data.onus.estate as estate("shop", [{"podSelector": {}, "policyTypes": ["Ingress", "Egress"]}])
}

test_policy_for_other_pods if {
	some r in policy.deny with input.resource as workload("shop", {"app": "api"}) with data.onus.estate as estate("shop", [{"podSelector": {"matchLabels": {"app": "web"}}}])
	r.path == "spec.template.metadata.labels"
}

test_egress_only_does_not_isolate_ingress if {
	count(policy.deny) == 1 with input.resource as workload("shop", {"app": "api"}) with data.onus.estate as estate("shop", [{"podSelector": {}, "policyTypes": ["Egress"]}])
}

test_match_expressions if {
	sel := {"matchExpressions": [{"key": "app", "operator": "In", "values": ["api", "web"]}, {"key": "canary", "operator": "DoesNotExist"}]}
	count(policy.deny) == 0 with input.resource as workload("shop", {"app": "api"}) with data.onus.estate as estate("shop", [{"podSelector": sel}])
	count(policy.deny) == 1 with input.resource as workload("shop", {"app": "api", "canary": "true"}) with data.onus.estate as estate("shop", [{"podSelector": sel}])
}

test_unset_namespace_is_default if {
	count(policy.deny) == 0 with input.resource as workload("", {"app": "api"}) with data.onus.estate as estate("default", [{"podSelector": {}}])
}
