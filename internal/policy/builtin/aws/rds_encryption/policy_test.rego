package onus.aws.rds_encryption_test

import data.onus.aws.rds_encryption
import data.onus.lib.aws.fixture as fx

test_unset if {
	[f] := [f | some f in rds_encryption.deny with input.resource as fx.tf("aws_db_instance", "db", {"engine": "mysql"})]
	f.path == "storage_encrypted"
}

test_cluster_false if {
	count(rds_encryption.deny) == 1 with input.resource as fx.tf("aws_rds_cluster", "c", {"engine": "aurora-mysql", "storage_encrypted": false})
}

test_encrypted if {
	count(rds_encryption.deny) == 0 with input.resource as fx.tf("aws_db_instance", "db", {"storage_encrypted": true})
}

test_serverless_v1 if {
	count(rds_encryption.deny) == 0 with input.resource as fx.tf("aws_rds_cluster", "c", {"engine_mode": "serverless"})
}

test_replica_and_restore if {
	count(rds_encryption.deny) == 0 with input.resource as fx.tf("aws_db_instance", "r", {"replicate_source_db": "db"})
	count(rds_encryption.deny) == 0 with input.resource as fx.tf("aws_db_instance", "r", {"snapshot_identifier": "snap"})
}

test_unknown_points_at_itself if {
	[f] := [f | some f in rds_encryption.deny with input.resource as fx.unknown(fx.tf("aws_db_instance", "db", {}), ["storage_encrypted"])]
	f.path == "storage_encrypted"
}

cfn_deny(r) := d if {
	d := rds_encryption.deny with input.resource as r
}

test_cfn_unset if {
	[f] := [f | some f in cfn_deny(fx.cfn("AWS::RDS::DBInstance", "Db", {"Engine": "postgres"}))]
	f.path == "StorageEncrypted"
}

test_cfn_encrypted if {
	count(cfn_deny(fx.cfn("AWS::RDS::DBCluster", "C", {"StorageEncrypted": true}))) == 0
	count(cfn_deny(fx.cfn("AWS::RDS::DBCluster", "C", {"StorageEncrypted": "true"}))) == 0
	count(cfn_deny(fx.cfn("AWS::RDS::DBCluster", "C", {"StorageEncrypted": "false"}))) == 1
}

test_cfn_serverless_v1 if {
	count(cfn_deny(fx.cfn("AWS::RDS::DBCluster", "C", {"EngineMode": "serverless"}))) == 0
}

test_cfn_member_replica_restore_secondary if {
	count(cfn_deny(fx.refs(fx.cfn("AWS::RDS::DBInstance", "Db", {}), {"DBClusterIdentifier": [fx.cfn_id("C")]}))) == 0
	count(cfn_deny(fx.cfn("AWS::RDS::DBInstance", "Db", {"SourceDBInstanceIdentifier": "db"}))) == 0
	count(cfn_deny(fx.cfn("AWS::RDS::DBInstance", "Db", {"DBSnapshotIdentifier": "snap"}))) == 0
	count(cfn_deny(fx.cfn("AWS::RDS::DBCluster", "C", {"SnapshotIdentifier": "snap"}))) == 0
	count(cfn_deny(fx.cfn("AWS::RDS::DBCluster", "C", {"GlobalClusterIdentifier": "g"}))) == 0
	count(cfn_deny(fx.cfn("AWS::RDS::DBCluster", "C", {"GlobalClusterIdentifier": "g", "MasterUsername": "admin"}))) == 1
}

test_cfn_unknown_points_at_itself if {
	[f] := [f | some f in cfn_deny(fx.unknown(fx.cfn("AWS::RDS::DBInstance", "Db", {}), ["StorageEncrypted"]))]
	f.path == "StorageEncrypted"
}

# An instance whose DBClusterIdentifier comes from a parameter without a
# value may be a cluster member: the finding points at the unknown
# identifier, so the engine counts it undetermined.
test_cfn_unknown_cluster_membership if {
	[f] := [f | some f in cfn_deny(fx.unknown(fx.cfn("AWS::RDS::DBInstance", "Db", {"Engine": "aurora-mysql"}), ["DBClusterIdentifier"]))]
	f.path == "DBClusterIdentifier"
	count(cfn_deny(fx.unknown(fx.cfn("AWS::RDS::DBInstance", "Db", {"StorageEncrypted": true}), ["DBClusterIdentifier"]))) == 0
}
