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

cfn(type, props) := fx.cfn(type, "Db", props)

test_cfn_disabled if {
	[f] := [f | some f in deny(cfn("AWS::RDS::DBInstance", {"BackupRetentionPeriod": 0}))]
	f.path == "BackupRetentionPeriod"
}

test_cfn_string_from_parameter if {
	count(deny(cfn("AWS::RDS::DBInstance", {"BackupRetentionPeriod": "0"}))) == 1
	count(deny(cfn("AWS::RDS::DBInstance", {"BackupRetentionPeriod": "7"}))) == 0
}

test_cfn_default_is_one_day if {
	count(deny(cfn("AWS::RDS::DBInstance", {}))) == 0
}

test_cfn_cluster_member_and_replica if {
	count(deny(fx.refs(cfn("AWS::RDS::DBInstance", {"BackupRetentionPeriod": 0}), {"DBClusterIdentifier": [fx.cfn_id("C")]}))) == 0
	count(deny(cfn("AWS::RDS::DBInstance", {"BackupRetentionPeriod": 0, "SourceDBInstanceIdentifier": "db"}))) == 0
}

test_cfn_unknown_cluster_membership if {
	[f] := [f | some f in deny(fx.unknown(cfn("AWS::RDS::DBInstance", {"BackupRetentionPeriod": 0}), ["DBClusterIdentifier"]))]
	f.path == "DBClusterIdentifier"
}
