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
