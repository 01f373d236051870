package onus.aws.rds_backups_test

import data.onus.aws.rds_backups
import data.onus.lib.aws.fixture as fx

deny(r) := d if {
	d := rds_backups.deny with input.resource as r with input.params as {"min_days": 1}
}

test_disabled if {
	[f] := [f | some f in deny(fx.tf("aws_db_instance", "db", {"backup_retention_period": 0}))]
	f.path == "backup_retention_period"
}

test_default_and_set if {
	count(deny(fx.tf("aws_db_instance", "db", {}))) == 0
	count(deny(fx.tf("aws_db_instance", "db", {"backup_retention_period": 14}))) == 0
}

test_replica if {
	count(deny(fx.tf("aws_db_instance", "db", {"backup_retention_period": 0, "replicate_source_db": "x"}))) == 0
}

test_stricter_param if {
	count(rds_backups.deny) == 1 with input.resource as fx.tf("aws_db_instance", "db", {"backup_retention_period": 3}) with input.params as {"min_days": 7}
}
