package onus.kubernetes.default_service_account_test

import data.onus.kubernetes.default_service_account as policy
import data.onus.lib.estate as lib

workload(spec) := {"kind": "kubernetes", "type": "Deployment", "namespace": "shop", "pod": {"path": "spec.template.spec", "spec": spec, "containers": []}}

estate(sa_attrs) := lib.build([{"type": "ServiceAccount", "name": "default", "namespace": "shop", "attrs": sa_attrs}])

test_no_service_account if {
	some r in policy.deny with input.resource as workload({}) with data.onus.estate as {}
	r.path == "spec.template.spec.serviceAccountName"
}

test_explicit_default if count(policy.deny) == 1 with input.resource as workload({"serviceAccountName": "default"}) with data.onus.estate as {}

test_own_account if count(policy.deny) == 0 with input.resource as workload({"serviceAccountName": "api"}) with data.onus.estate as {}

test_token_disabled_on_pod if count(policy.deny) == 0 with input.resource as workload({"automountServiceAccountToken": false}) with data.onus.estate as {}

test_token_disabled_on_account if {
	count(policy.deny) == 0 with input.resource as workload({}) with data.onus.estate as estate({"automountServiceAccountToken": false})
	count(policy.deny) == 1 with input.resource as workload({}) with data.onus.estate as estate({})
}

test_declared_default_account if {
	sa := {"kind": "kubernetes", "type": "ServiceAccount", "name": "default", "namespace": "shop", "attrs": {}}
	some r in policy.deny with input.resource as sa with data.onus.estate as {}
	r.path == "automountServiceAccountToken"
}
