package onus.gcp.sql_public_ip_test

import data.onus.gcp.sql_public_ip as policy
import data.onus.lib.gcp.fixture as fx

db(settings) := fx.tf("google_sql_database_instance", "db", {"database_version": "POSTGRES_15", "settings": [settings]})

test_default_public if {
	[f] := [f | some f in policy.deny with input.resource as db({"tier": "db-f1-micro"})]
	f.path == "settings[0].ip_configuration[0].ipv4_enabled"
}

test_explicit_public if {
	count(policy.deny) == 1 with input.resource as db({"ip_configuration": [{"ipv4_enabled": true}]})
}

test_private if {
	count(policy.deny) == 0 with input.resource as db({"ip_configuration": [{"ipv4_enabled": false, "private_network": "n"}]})
}

# An unknown ipv4_enabled is absent: the result names it and is
# undetermined.
test_unknown if {
	[f] := [f | some f in policy.deny with input.resource as fx.unknown(db({"ip_configuration": [{}]}), ["settings[0].ip_configuration[0].ipv4_enabled"])]
	f.path == "settings[0].ip_configuration[0].ipv4_enabled"
}
