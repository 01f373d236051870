package onus.gcp.sql_ssl_test

import data.onus.gcp.sql_ssl as policy
import data.onus.lib.gcp.fixture as fx

db(ip) := fx.tf("google_sql_database_instance", "db", {"database_version": "POSTGRES_15", "settings": [{"tier": "db-f1-micro", "ip_configuration": [ip]}]})

test_unset if {
	[f] := [f | some f in policy.deny with input.resource as fx.tf("google_sql_database_instance", "db", {"settings": [{"tier": "db-f1-micro"}]})]
	f.paths[0] == "settings[0].ip_configuration[0].ssl_mode"
}

test_require_ssl_false if {
	[f] := [f | some f in policy.deny with input.resource as db({"require_ssl": false})]
	f.paths[0] == "settings[0].ip_configuration[0].require_ssl"
}

test_require_ssl_true if {
	count(policy.deny) == 0 with input.resource as db({"require_ssl": true})
}

test_ssl_modes if {
	count(policy.deny) == 0 with input.resource as db({"ssl_mode": "ENCRYPTED_ONLY"})
	count(policy.deny) == 0 with input.resource as db({"ssl_mode": "TRUSTED_CLIENT_CERTIFICATE_REQUIRED"})
	[f] := [f | some f in policy.deny with input.resource as db({"ssl_mode": "ALLOW_UNENCRYPTED_AND_ENCRYPTED"})]
	f.path == "settings[0].ip_configuration[0].ssl_mode"
}

test_unknown_ssl_mode_named if {
	[f] := [f | some f in policy.deny with input.resource as fx.unknown(db({}), ["settings[0].ip_configuration[0].ssl_mode"])]
	"settings[0].ip_configuration[0].ssl_mode" in f.paths
}
