package onus.kubernetes.network_policy_allow_all_test

import data.onus.kubernetes.network_policy_allow_all as policy

np(ingress) := {"kind": "kubernetes", "type": "NetworkPolicy", "name": "np", "attrs": {"spec": {"podSelector": {}, "ingress": ingress}}}

test_empty_rule if {
	some r in policy.deny with input.resource as np([{}])
	r.path == "spec.ingress[0]"
}

test_any_cidr if {
	some r in policy.deny with input.resource as np([{"from": [{"podSelector": {}}, {"ipBlock": {"cidr": "0.0.0.0/0"}}]}])
	r.path == "spec.ingress[0].from[1].ipBlock.cidr"
}

test_any_cidr_with_except if count(policy.deny) == 0 with input.resource as np([{"from": [{"ipBlock": {"cidr": "0.0.0.0/0", "except": ["10.0.0.0/8"]}}]}])

test_selected_sources if count(policy.deny) == 0 with input.resource as np([{"from": [{"namespaceSelector": {"matchLabels": {"team": "edge"}}}]}])

test_default_deny if count(policy.deny) == 0 with input.resource as np([])
