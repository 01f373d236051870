package onus.gcp.lb_ssl_policy_test

import data.onus.gcp.lb_ssl_policy as policy
import data.onus.lib.gcp.fixture as fx

ssl(attrs) := fx.tf("google_compute_ssl_policy", "p", object.union({"name": "p"}, attrs))

test_defaults if {
	paths := {f.path | some f in policy.deny with input.resource as ssl({})}
	paths == {"min_tls_version", "profile"}
}

test_modern if {
	count(policy.deny) == 0 with input.resource as ssl({"min_tls_version": "TLS_1_2", "profile": "MODERN"})
	count(policy.deny) == 0 with input.resource as ssl({"min_tls_version": "TLS_1_2", "profile": "RESTRICTED"})
}

test_modern_with_old_tls if {
	[f] := [f | some f in policy.deny with input.resource as ssl({"min_tls_version": "TLS_1_1", "profile": "MODERN"})]
	f.path == "min_tls_version"
}

test_unknown_named if {
	[f] := [f | some f in policy.deny with input.resource as fx.unknown(ssl({"profile": "MODERN"}), ["min_tls_version"])]
	f.path == "min_tls_version"
}
