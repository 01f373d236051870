package onus.lib.gcp.firewall_test

import data.onus.lib.gcp.firewall
import data.onus.lib.gcp.fixture as fx

fw(attrs) := fx.tf("google_compute_firewall", "f", object.union({"name": "f", "network": "default"}, attrs))

test_ranges if {
	[a] := firewall.allows(fw({"allow": [{"protocol": "TCP", "ports": ["22", "8000-9000", 443]}]}))
	a.protocol == "tcp"
	a.ranges == [{"from": 22, "to": 22}, {"from": 8000, "to": 9000}, {"from": 443, "to": 443}]
	firewall.covered_ports(a, [22, 3389, 8080]) == [22, 8080]
	firewall.describe_allow(a) == "tcp 22, 8000-9000, 443"
}

test_all_ports if {
	some a in firewall.allows(fw({"allow": [{"protocol": "all"}]}))
	firewall.all_ports(a)
	some b in firewall.allows(fw({"allow": [{"protocol": "udp"}]}))
	firewall.all_ports(b)
	some c in firewall.allows(fw({"allow": [{"protocol": "tcp", "ports": ["0-65535"]}]}))
	firewall.all_ports(c)
	some d in firewall.allows(fw({"allow": [{"protocol": "icmp"}]}))
	not firewall.all_ports(d)
}

test_implicit_source if {
	[s] := firewall.open_sources(fw({}))
	"source_tags" in s.paths
	count(firewall.open_sources(fw({"source_tags": ["web"]}))) == 0
}

test_egress_and_disabled_ignored if {
	count(firewall.open_sources(fw({"direction": "EGRESS", "source_ranges": ["0.0.0.0/0"]}))) == 0
	count(firewall.open_sources(fw({"disabled": true, "source_ranges": ["0.0.0.0/0"]}))) == 0
}
