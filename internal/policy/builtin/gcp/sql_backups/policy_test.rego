package onus.gcp.sql_backups_test

import data.onus.gcp.sql_backups as policy
import data.onus.lib.gcp.fixture as fx

db(settings) := fx.tf("google_sql_database_instance", "db", {"database_version": "POSTGRES_15", "settings": [object.union({"tier": "db-f1-micro"}, settings)]})

test_unset if {
	[f] := [f | some f in policy.deny with input.resource as db({})]
	f.paths[0] == "settings[0].backup_configuration[0].enabled"
}

test_disabled if {
	count(policy.deny) == 1 with input.resource as db({"backup_configuration": [{"enabled": false}]})
}

test_enabled if {
	count(policy.deny) == 0 with input.resource as db({"backup_configuration": [{"enabled": true, "point_in_time_recovery_enabled": true}]})
}

test_replica_not_reported if {
	r := fx.refs(fx.unknown(db({}), ["master_instance_name"]), {"master_instance_name": ["m::google_sql_database_instance.primary"]})
	count(policy.deny) == 0 with input.resource as r
	count(policy.deny) == 0 with input.resource as object.union(db({}), {"attrs": {"master_instance_name": "primary"}})
}

test_unknown_enabled_named if {
	[f] := [f | some f in policy.deny with input.resource as fx.unknown(db({"backup_configuration": [{}]}), ["settings[0].backup_configuration[0].enabled"])]
	f.paths[0] == "settings[0].backup_configuration[0].enabled"
}
