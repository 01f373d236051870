package onus.gcp.firewall_database_ports_test

import data.onus.gcp.firewall_database_ports
import data.onus.lib.gcp.fixture as fx

deny(r) := d if {
	d := firewall_database_ports.deny with input.resource as r with input.params as {"ports": [1433, 3306, 5432, 6379, 9200, 27017]}
}

fw(attrs) := fx.tf("google_compute_firewall", "f", object.union({"name": "f", "network": "default"}, attrs))

test_postgres_from_internet if {
	[f] := [f | some f in deny(fw({"source_ranges": ["0.0.0.0/0"], "allow": [{"protocol": "tcp", "ports": ["5432"]}]}))]
	f.paths[0] == "source_ranges"
	contains(f.msg, "PostgreSQL (5432)")
}

test_several_ports_one_finding if {
	[f] := [f | some f in deny(fw({"source_ranges": ["::/0"], "allow": [{"protocol": "tcp", "ports": ["3306", "6379", "27000-28000"]}]}))]
	contains(f.msg, "MySQL (3306), Redis (6379), MongoDB (27017)")
}

test_private_source_allowed if {
	count(deny(fw({"source_ranges": ["10.10.0.0/16"], "allow": [{"protocol": "tcp", "ports": ["5432"]}]}))) == 0
}

test_web_ports_allowed if {
	count(deny(fw({"source_ranges": ["0.0.0.0/0"], "allow": [{"protocol": "tcp", "ports": ["443"]}]}))) == 0
}

test_all_ports_left_to_all_ports_policy if {
	count(deny(fw({"source_ranges": ["0.0.0.0/0"], "allow": [{"protocol": "tcp", "ports": ["1-65535"]}]}))) == 0
}

test_unknown_sources if {
	r := fx.unknown(fw({"source_tags": ["app"], "allow": [{"protocol": "tcp", "ports": ["3306"]}]}), ["source_ranges"])
	[f] := [f | some f in deny(r)]
	f.path == "source_ranges"
}
