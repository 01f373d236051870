package onus.gcp.compute_os_login_test

import data.onus.gcp.compute_os_login as policy
import data.onus.lib.gcp.fixture as fx

project(metadata) := fx.tf("google_compute_project_metadata", "p", {"metadata": metadata})

test_project_on if {
	count(policy.deny) == 0 with input.resource as project({"enable-oslogin": "TRUE"})
}

test_project_missing if {
	[f] := [f | some f in policy.deny with input.resource as project({"startup-script": "echo"})]
	f.path == "metadata.enable-oslogin"
}

test_project_off if {
	count(policy.deny) == 1 with input.resource as project({"enable-oslogin": "FALSE"})
}

test_project_unknown_named if {
	[f] := [f | some f in policy.deny with input.resource as fx.unknown(fx.tf("google_compute_project_metadata", "p", {}), ["metadata"])]
	f.path == "metadata.enable-oslogin"
}

test_instance_off if {
	[f] := [f | some f in policy.deny with input.resource as fx.tf("google_compute_instance", "vm", {"metadata": {"enable-oslogin": "false"}})]
	f.path == "metadata.enable-oslogin"
}

test_instance_inherits if {
	count(policy.deny) == 0 with input.resource as fx.tf("google_compute_instance", "vm", {"metadata": {}})
	count(policy.deny) == 0 with input.resource as fx.tf("google_compute_instance", "vm", {"metadata": {"enable-oslogin": "TRUE"}})
}

test_item_off if {
	[f] := [f | some f in policy.deny with input.resource as fx.tf("google_compute_project_metadata_item", "i", {"key": "enable-oslogin", "value": "FALSE"})]
	f.path == "value"
	count(policy.deny) == 0 with input.resource as fx.tf("google_compute_project_metadata_item", "i", {"key": "enable-oslogin", "value": "TRUE"})
}

test_instance_unknown_named if {
	[f] := [f | some f in policy.deny with input.resource as fx.unknown(fx.tf("google_compute_instance", "vm", {}), ["metadata.enable-oslogin"])]
	f.path == "metadata.enable-oslogin"
}
