package onus.gcp.compute_ip_forwarding_test

import data.onus.gcp.compute_ip_forwarding as policy
import data.onus.lib.gcp.fixture as fx

deny(attrs, allowed) := d if {
	d := policy.deny with input.resource as fx.tf("google_compute_instance", "vm", object.union({"name": "vm"}, attrs)) with input.params as {"allowed": allowed}
}

test_on if {
	[f] := [f | some f in deny({"can_ip_forward": true}, [])]
	f.path == "can_ip_forward"
}

test_off if {
	count(deny({}, [])) == 0
	count(deny({"can_ip_forward": false}, [])) == 0
}

test_allowed if {
	count(deny({"can_ip_forward": true}, ["vm"])) == 0
}

test_unknown if {
	[f] := [f | some f in policy.deny with input.resource as fx.unknown(fx.tf("google_compute_instance", "vm", {"name": "vm"}), ["can_ip_forward"]) with input.params as {"allowed": []}]
	f.path == "can_ip_forward"
}
