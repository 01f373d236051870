package onus.kubernetes.namespace_pod_security_test

import data.onus.kubernetes.namespace_pod_security as policy

ns(name, labels) := {"kind": "kubernetes", "type": "Namespace", "name": name, "labels": labels}

test_missing if {
	some r in policy.deny with input.resource as ns("shop", {"team": "shop"})
	r.path == "metadata.labels"
}

test_privileged if {
	some r in policy.deny with input.resource as ns("shop", {"pod-security.kubernetes.io/enforce": "privileged"})
	r.path == "metadata.labels[\"pod-security.kubernetes.io/enforce\"]"
}

test_restricted if count(policy.deny) == 0 with input.resource as ns("shop", {"pod-security.kubernetes.io/enforce": "restricted"})

test_system if count(policy.deny) == 0 with input.resource as ns("kube-system", {})
