package onus.kubernetes.default_namespace_test

import data.onus.kubernetes.default_namespace as policy

test_default if {
	some r in policy.deny with input.resource as {"type": "Deployment", "name": "api", "namespace": "default"}
	r.path == "metadata.namespace"
}

test_unset if count(policy.deny) == 0 with input.resource as {"type": "Deployment", "name": "api", "namespace": ""}

test_named if count(policy.deny) == 0 with input.resource as {"type": "Deployment", "name": "api", "namespace": "shop"}
