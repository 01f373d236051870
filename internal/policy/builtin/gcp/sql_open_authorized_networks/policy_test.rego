package onus.gcp.sql_open_authorized_networks_test

import data.onus.gcp.sql_open_authorized_networks as policy
import data.onus.lib.gcp.fixture as fx

db(ip) := fx.tf("google_sql_database_instance", "db", {"database_version": "POSTGRES_15", "settings": [{"tier": "db-f1-micro", "ip_configuration": [ip]}]})

test_open_network if {
	[f] := [f | some f in policy.deny with input.resource as db({"authorized_networks": [{"name": "office", "value": "203.0.113.0/24"}, {"name": "all", "value": "0.0.0.0/0"}]})]
	f.paths[0] == "settings[0].ip_configuration[0].authorized_networks[1].value"
}

test_narrow_networks if {
	count(policy.deny) == 0 with input.resource as db({"authorized_networks": [{"value": "203.0.113.0/24"}]})
}

test_private_only if {
	count(policy.deny) == 0 with input.resource as db({"ipv4_enabled": false, "authorized_networks": [{"value": "0.0.0.0/0"}]})
}

test_unknown_value if {
	r := fx.unknown(db({"authorized_networks": [{"name": "x"}]}), ["settings[0].ip_configuration[0].authorized_networks[0].value"])
	[f] := [f | some f in policy.deny with input.resource as r]
	f.paths[0] == "settings[0].ip_configuration[0].authorized_networks[0].value"
}

test_unknown_settings if {
	r := fx.unknown(fx.tf("google_sql_database_instance", "db", {}), ["settings"])
	[f] := [f | some f in policy.deny with input.resource as r]
	f.paths[0] == "settings[0].ip_configuration[0].authorized_networks"
}
