package onus.gcp.compute_project_ssh_keys_test

import data.onus.gcp.compute_project_ssh_keys as policy
import data.onus.lib.gcp.fixture as fx

vm(metadata) := fx.tf("google_compute_instance", "vm", {"name": "vm", "metadata": metadata})

test_not_blocked if {
	[f] := [f | some f in policy.deny with input.resource as vm({})]
	f.paths[0] == "metadata.block-project-ssh-keys"
	count(policy.deny) == 1 with input.resource as vm({"block-project-ssh-keys": "false"})
	count(policy.deny) == 1 with input.resource as fx.tf("google_compute_instance_template", "t", {})
}

test_blocked if {
	count(policy.deny) == 0 with input.resource as vm({"block-project-ssh-keys": "TRUE"})
	count(policy.deny) == 0 with input.resource as vm({"block-project-ssh-keys": true})
}

test_os_login if {
	count(policy.deny) == 0 with input.resource as vm({"enable-oslogin": "TRUE"})
}

test_project_os_login if {
	project := fx.tf("google_compute_project_metadata", "p", {"metadata": {"enable-oslogin": "TRUE"}})
	count(policy.deny) == 0 with input.resource as vm({}) with data.onus.estate as fx.estate([vm({}), project])
	count(policy.deny) == 1 with input.resource as vm({"enable-oslogin": "FALSE"}) with data.onus.estate as fx.estate([vm({"enable-oslogin": "FALSE"}), project])
}

test_project_os_login_unknown if {
	project := fx.unknown(fx.tf("google_compute_project_metadata", "p", {}), ["metadata"])
	[f] := [f | some f in policy.deny with input.resource as vm({}) with data.onus.estate as fx.estate([vm({}), project])]
	f.undetermined == true
}

test_unknown_named if {
	[f] := [f | some f in policy.deny with input.resource as fx.unknown(vm({}), ["metadata.block-project-ssh-keys"])]
	f.paths[0] == "metadata.block-project-ssh-keys"
}
