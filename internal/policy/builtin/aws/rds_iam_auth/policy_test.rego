package onus.aws.rds_iam_auth_test

import data.onus.aws.rds_iam_auth
import data.onus.lib.aws.fixture as fx

test_postgres_off if {
	[f] := [f | some f in rds_iam_auth.deny with input.resource as fx.tf("aws_db_instance", "db", {"engine": "postgres"})]
	f.path == "iam_database_authentication_enabled"
}

test_aurora_default_engine if {
	count(rds_iam_auth.deny) == 1 with input.resource as fx.tf("aws_rds_cluster", "c", {})
}

test_on if {
	count(rds_iam_auth.deny) == 0 with input.resource as fx.tf("aws_db_instance", "db", {"engine": "mysql", "iam_database_authentication_enabled": true})
}

test_unsupported_engine if {
	count(rds_iam_auth.deny) == 0 with input.resource as fx.tf("aws_db_instance", "db", {"engine": "sqlserver-se"})
}

# An unknown engine cannot be judged: no finding.
test_unknown_engine if {
	count(rds_iam_auth.deny) == 0 with input.resource as fx.unknown(fx.tf("aws_db_instance", "db", {}), ["engine"])
}

cfn_deny(r) := d if {
	d := rds_iam_auth.deny with input.resource as r
}

test_cfn_postgres_off if {
	[f] := [f | some f in cfn_deny(fx.cfn("AWS::RDS::DBInstance", "Db", {"Engine": "Postgres"}))]
	f.path == "EnableIAMDatabaseAuthentication"
	contains(f.msg, "postgres users")
}

test_cfn_cluster if {
	count(cfn_deny(fx.cfn("AWS::RDS::DBCluster", "C", {"Engine": "aurora-mysql", "EnableIAMDatabaseAuthentication": "false"}))) == 1
	count(cfn_deny(fx.cfn("AWS::RDS::DBCluster", "C", {"Engine": "aurora-mysql", "EnableIAMDatabaseAuthentication": "true"}))) == 0
}

test_cfn_unsupported_engine_member_and_replica if {
	count(cfn_deny(fx.cfn("AWS::RDS::DBInstance", "Db", {"Engine": "sqlserver-se"}))) == 0
	count(cfn_deny(fx.cfn("AWS::RDS::DBInstance", "Db", {"Engine": "aurora-mysql", "DBClusterIdentifier": "c"}))) == 0
	count(cfn_deny(fx.cfn("AWS::RDS::DBInstance", "Db", {"Engine": "mysql", "SourceDBInstanceIdentifier": "db"}))) == 0
}

test_cfn_unknown_cluster_membership if {
	[f] := [f | some f in cfn_deny(fx.unknown(fx.cfn("AWS::RDS::DBInstance", "Db", {"Engine": "aurora-postgresql"}), ["DBClusterIdentifier"]))]
	f.path == "DBClusterIdentifier"
}
