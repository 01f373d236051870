package onus.aws.rds_deletion_protection_test

import data.onus.aws.rds_deletion_protection
import data.onus.lib.aws.fixture as fx

test_off_by_default if {
	[f] := [f | some f in rds_deletion_protection.deny with input.resource as fx.tf("aws_rds_cluster", "c", {})]
	f.path == "deletion_protection"
}

test_on if {
	count(rds_deletion_protection.deny) == 0 with input.resource as fx.tf("aws_db_instance", "db", {"deletion_protection": true})
}

test_unknown_points_at_itself if {
	[f] := [f | some f in rds_deletion_protection.deny with input.resource as fx.unknown(fx.tf("aws_db_instance", "db", {}), ["deletion_protection"])]
	f.path == "deletion_protection"
}

cfn_deny(r) := d if {
	d := rds_deletion_protection.deny with input.resource as r
}

test_cfn_cluster_off_by_default if {
	[f] := [f | some f in cfn_deny(fx.cfn("AWS::RDS::DBCluster", "C", {"Engine": "aurora-mysql"}))]
	f.path == "DeletionProtection"
}

test_cfn_instance if {
	count(cfn_deny(fx.cfn("AWS::RDS::DBInstance", "Db", {"DeletionProtection": "false"}))) == 1
	count(cfn_deny(fx.cfn("AWS::RDS::DBInstance", "Db", {"DeletionProtection": true}))) == 0
	count(cfn_deny(fx.cfn("AWS::RDS::DBInstance", "Db", {"DeletionProtection": "true"}))) == 0
}

test_cfn_cluster_member_is_protected_by_its_cluster if {
	count(cfn_deny(fx.cfn("AWS::RDS::DBInstance", "Db", {"DBClusterIdentifier": "c"}))) == 0
}

test_cfn_unknown_cluster_membership if {
	[f] := [f | some f in cfn_deny(fx.unknown(fx.cfn("AWS::RDS::DBInstance", "Db", {}), ["DBClusterIdentifier"]))]
	f.path == "DBClusterIdentifier"
}
