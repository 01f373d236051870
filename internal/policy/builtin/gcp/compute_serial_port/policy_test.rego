package onus.gcp.compute_serial_port_test

import data.onus.gcp.compute_serial_port as policy
import data.onus.lib.gcp.fixture as fx

vm(metadata) := fx.tf("google_compute_instance", "vm", {"name": "vm", "metadata": metadata})

test_enabled if {
	[f] := [f | some f in policy.deny with input.resource as vm({"serial-port-enable": "TRUE"})]
	f.path == "metadata.serial-port-enable"
	count(policy.deny) == 1 with input.resource as vm({"serial-port-enable": true})
	count(policy.deny) == 1 with input.resource as vm({"serial-port-enable": "1"})
}

test_disabled if {
	count(policy.deny) == 0 with input.resource as vm({"serial-port-enable": "false"})
	count(policy.deny) == 0 with input.resource as vm({})
	count(policy.deny) == 0 with input.resource as fx.tf("google_compute_instance", "vm", {})
}

test_project if {
	count(policy.deny) == 1 with input.resource as fx.tf("google_compute_project_metadata", "p", {"metadata": {"serial-port-enable": "TRUE"}})
	[f] := [f | some f in policy.deny with input.resource as fx.tf("google_compute_project_metadata_item", "i", {"key": "serial-port-enable", "value": "true"})]
	f.path == "value"
	count(policy.deny) == 0 with input.resource as fx.tf("google_compute_project_metadata_item", "i", {"key": "startup-script", "value": "true"})
}

test_unknown_named if {
	[f] := [f | some f in policy.deny with input.resource as fx.unknown(vm({}), ["metadata"])]
	f.path == "metadata.serial-port-enable"
	[g] := [g | some g in policy.deny with input.resource as fx.unknown(fx.tf("google_compute_project_metadata_item", "i", {"key": "serial-port-enable"}), ["value"])]
	g.path == "value"
}
