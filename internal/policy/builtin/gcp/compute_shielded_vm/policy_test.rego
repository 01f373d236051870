package onus.gcp.compute_shielded_vm_test

import data.onus.gcp.compute_shielded_vm as policy
import data.onus.lib.gcp.fixture as fx

vm(attrs) := fx.tf("google_compute_instance", "vm", object.union({"name": "vm"}, attrs))

test_off if {
	paths := {f.path | some f in policy.deny with input.resource as vm({"shielded_instance_config": [{"enable_vtpm": false, "enable_integrity_monitoring": false}]})}
	paths == {"shielded_instance_config[0].enable_vtpm", "shielded_instance_config[0].enable_integrity_monitoring"}
}

test_defaults if {
	count(policy.deny) == 0 with input.resource as vm({})
	count(policy.deny) == 0 with input.resource as vm({"shielded_instance_config": [{"enable_secure_boot": true}]})
}

test_unknown if {
	r := fx.unknown(vm({"shielded_instance_config": [{"enable_vtpm": true}]}), ["shielded_instance_config[0].enable_integrity_monitoring"])
	[f] := [f | some f in policy.deny with input.resource as r]
	f.path == "shielded_instance_config[0].enable_integrity_monitoring"
}
