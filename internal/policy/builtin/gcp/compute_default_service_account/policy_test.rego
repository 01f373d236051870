package onus.gcp.compute_default_service_account_test

import data.onus.gcp.compute_default_service_account as policy
import data.onus.lib.gcp.fixture as fx

vm(sa) := fx.tf("google_compute_instance", "vm", {"name": "vm", "machine_type": "e2-small", "service_account": [sa]})

test_default_full_access if {
	[f] := [f | some f in policy.deny with input.resource as vm({"scopes": ["cloud-platform"]})]
	f.severity == "high"
	f.paths[0] == "service_account[0].email"
}

test_project_number_email_full_scope_url if {
	[f] := [f | some f in policy.deny with input.resource as vm({"email": "123456789-compute@developer.gserviceaccount.com", "scopes": ["https://www.googleapis.com/auth/cloud-platform"]})]
	f.severity == "high"
}

test_default_narrow_scopes if {
	[f] := [f | some f in policy.deny with input.resource as vm({"scopes": ["logging-write", "monitoring-write"]})]
	not f.severity
}

test_dedicated_account if {
	count(policy.deny) == 0 with input.resource as vm({"email": "app@example.iam.gserviceaccount.com", "scopes": ["cloud-platform"]})
}

test_referenced_account if {
	r := fx.refs(fx.unknown(vm({"scopes": ["cloud-platform"]}), ["service_account[0].email"]), {"service_account[0].email": ["m::google_service_account.app"]})
	count(policy.deny) == 0 with input.resource as r
}

test_no_service_account if {
	count(policy.deny) == 0 with input.resource as fx.tf("google_compute_instance", "vm", {"name": "vm"})
}

test_unknown_email_named if {
	r := fx.unknown(vm({"scopes": ["cloud-platform"]}), ["service_account[0].email"])
	[f] := [f | some f in policy.deny with input.resource as r]
	f.paths[0] == "service_account[0].email"
}

test_unknown_block if {
	[f] := [f | some f in policy.deny with input.resource as fx.unknown(fx.tf("google_compute_instance", "vm", {"name": "vm"}), ["service_account"])]
	f.path == "service_account"
}
