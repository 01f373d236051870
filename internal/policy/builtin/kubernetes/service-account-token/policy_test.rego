package onus.kubernetes.service_account_token_test

import data.onus.kubernetes.service_account_token as policy
import data.onus.lib.estate as lib

workload(spec) := {"kind": "kubernetes", "type": "Deployment", "namespace": "shop", "pod": {"path": "spec.template.spec", "spec": spec, "containers": []}}

estate(resources) := lib.build(resources)

test_unbound_token if {
	some r in policy.deny with input.resource as workload({"serviceAccountName": "api"}) with data.onus.estate as {}
	r.path == "spec.template.spec.automountServiceAccountToken"
}

test_disabled_on_pod if count(policy.deny) == 0 with input.resource as workload({"serviceAccountName": "api", "automountServiceAccountToken": false}) with data.onus.estate as {}

test_disabled_on_account if {
	sa := {"type": "ServiceAccount", "name": "api", "namespace": "shop", "attrs": {"automountServiceAccountToken": false}}
	count(policy.deny) == 0 with input.resource as workload({"serviceAccountName": "api"}) with data.onus.estate as estate([sa])
}

test_other_namespace_account_does_not_count if {
	sa := {"type": "ServiceAccount", "name": "api", "namespace": "other", "attrs": {"automountServiceAccountToken": false}}
	count(policy.deny) == 1 with input.resource as workload({"serviceAccountName": "api"}) with data.onus.estate as estate([sa])
}

test_default_account_left_to_030 if count(policy.deny) == 0 with input.resource as workload({}) with data.onus.estate as {}
