package onus.lib.gcp.sql_test

import data.onus.lib.gcp.fixture as fx
import data.onus.lib.gcp.sql

test_public_ip_default if {
	sql.public_ip(fx.tf("google_sql_database_instance", "db", {"settings": [{"tier": "db-f1-micro"}]}))
	not sql.public_ip(fx.tf("google_sql_database_instance", "db", {"settings": [{"ip_configuration": [{"ipv4_enabled": false}]}]}))
}

test_replica_by_reference if {
	r := fx.refs(fx.unknown(fx.tf("google_sql_database_instance", "r", {}), ["master_instance_name"]), {"master_instance_name": ["m::google_sql_database_instance.primary"]})
	sql.replica(r)
	not sql.replica(fx.tf("google_sql_database_instance", "db", {}))
}

test_open_networks if {
	r := fx.tf("google_sql_database_instance", "db", {"settings": [{"ip_configuration": [{"authorized_networks": [{"value": "203.0.113.0/24"}, {"name": "all", "value": "0.0.0.0/0"}]}]}]})
	sql.open_networks(r) == [{"value": "0.0.0.0/0", "path": "settings[0].ip_configuration[0].authorized_networks[1].value"}]
}
