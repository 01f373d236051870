package onus.gcp.firewall_all_ports_test

import data.onus.gcp.firewall_all_ports
import data.onus.lib.gcp.fixture as fx

deny(r) := d if {
	d := firewall_all_ports.deny with input.resource as r
}

fw(attrs) := fx.tf("google_compute_firewall", "f", object.union({"name": "f", "network": "default"}, attrs))

test_protocol_all if {
	[f] := [f | some f in deny(fw({"source_ranges": ["0.0.0.0/0"], "allow": [{"protocol": "all"}]}))]
	f.paths[0] == "source_ranges"
	contains(f.msg, "every protocol and port")
}

test_tcp_without_ports if {
	[f] := [f | some f in deny(fw({"source_ranges": ["0.0.0.0/0"], "allow": [{"protocol": "tcp"}]}))]
	contains(f.msg, "every tcp port")
}

test_full_range if {
	count(deny(fw({"source_ranges": ["0.0.0.0/0"], "allow": [{"protocol": "udp", "ports": ["0-65535"]}]}))) == 1
}

test_no_source if {
	count(deny(fw({"allow": [{"protocol": "all"}]}))) == 1
}

test_listed_ports_allowed if {
	count(deny(fw({"source_ranges": ["0.0.0.0/0"], "allow": [{"protocol": "tcp", "ports": ["443"]}, {"protocol": "icmp"}]}))) == 0
}

test_internal_allowed if {
	count(deny(fw({"source_ranges": ["10.128.0.0/9"], "allow": [{"protocol": "all"}]}))) == 0
}

test_unknown_protocol if {
	r := fx.unknown(fw({"source_ranges": ["0.0.0.0/0"], "allow": [{"ports": ["443"]}]}), ["allow[0].protocol"])
	[f] := [f | some f in deny(r)]
	"allow[0].protocol" in f.paths
}
