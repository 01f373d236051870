package onus.kubernetes.secret_manifest_test

import data.onus.kubernetes.secret_manifest as policy

secret(attrs) := {"kind": "kubernetes", "type": "Secret", "name": "db", "attrs": attrs}

test_data if {
	some r in policy.deny with input.resource as secret({"data": {"password": "aHVudGVyMg=="}})
	r.path == "data"
	not contains(r.msg, "aHVudGVyMg")
}

test_string_data if count(policy.deny) == 1 with input.resource as secret({"stringData": {"token": "t"}})

test_empty if count(policy.deny) == 0 with input.resource as secret({"type": "kubernetes.io/service-account-token", "data": {}})
