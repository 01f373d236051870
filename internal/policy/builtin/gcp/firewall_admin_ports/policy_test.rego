package onus.gcp.firewall_admin_ports_test

import data.onus.gcp.firewall_admin_ports
import data.onus.lib.gcp.fixture as fx

deny(r) := d if {
	d := firewall_admin_ports.deny with input.resource as r with input.params as {"ports": [22, 3389]}
}

fw(attrs) := fx.tf("google_compute_firewall", "f", object.union({"name": "f", "network": "default"}, attrs))

test_ssh_from_internet if {
	[f] := [f | some f in deny(fw({"source_ranges": ["0.0.0.0/0"], "allow": [{"protocol": "tcp", "ports": ["22"]}]}))]
	f.paths[0] == "source_ranges"
	"allow[0].ports" in f.paths
	contains(f.msg, "SSH (22)")
}

test_range_including_rdp if {
	[f] := [f | some f in deny(fw({"source_ranges": ["10.0.0.0/8", "0.0.0.0/0"], "allow": [{"protocol": "icmp"}, {"protocol": "tcp", "ports": ["3000-4000"]}]}))]
	contains(f.msg, "RDP (3389)")
	"allow[1].ports" in f.paths
}

test_no_source_is_internet if {
	[f] := [f | some f in deny(fw({"allow": [{"protocol": "tcp", "ports": ["22"]}]}))]
	"source_tags" in f.paths
}

test_private_source_allowed if {
	count(deny(fw({"source_ranges": ["35.235.240.0/20"], "allow": [{"protocol": "tcp", "ports": ["22"]}]}))) == 0
}

test_source_tags_allowed if {
	count(deny(fw({"source_tags": ["bastion"], "allow": [{"protocol": "tcp", "ports": ["22"]}]}))) == 0
}

test_other_port_allowed if {
	count(deny(fw({"source_ranges": ["0.0.0.0/0"], "allow": [{"protocol": "tcp", "ports": ["80", "443"]}]}))) == 0
}

test_egress_disabled_allowed if {
	count(deny(fw({"direction": "EGRESS", "destination_ranges": ["0.0.0.0/0"], "allow": [{"protocol": "tcp", "ports": ["22"]}]}))) == 0
	count(deny(fw({"disabled": true, "source_ranges": ["0.0.0.0/0"], "allow": [{"protocol": "tcp", "ports": ["22"]}]}))) == 0
}

# All ports belong to ONUS-GCP-006.
test_all_ports_left_to_all_ports_policy if {
	count(deny(fw({"source_ranges": ["0.0.0.0/0"], "allow": [{"protocol": "tcp"}]}))) == 0
	count(deny(fw({"source_ranges": ["0.0.0.0/0"], "allow": [{"protocol": "all"}]}))) == 0
}

test_unknown_source_element if {
	r := fx.unknown(fw({"source_ranges": ["10.0.0.0/8"], "allow": [{"protocol": "tcp", "ports": ["22"]}]}), ["source_ranges[1]"])
	[f] := [f | some f in deny(r)]
	f.path == "source_ranges[1]"
}

test_unknown_ports_on_open_rule if {
	r := fx.unknown(fw({"source_ranges": ["0.0.0.0/0"], "allow": [{"protocol": "tcp"}]}), ["allow[0].ports"])
	[f] := [f | some f in deny(r)]
	"allow[0].ports" in f.paths
}

test_dynamic_allow_unknown if {
	r := fx.unknown(fw({"source_ranges": ["0.0.0.0/0"]}), ["allow"])
	[f] := [f | some f in deny(r)]
	"allow" in f.paths
}
