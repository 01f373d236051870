package onus.aws.rds_public_test

import data.onus.aws.rds_public
import data.onus.lib.aws.fixture as fx

test_public_instance if {
	[f] := [f | some f in rds_public.deny with input.resource as fx.tf("aws_db_instance", "db", {"publicly_accessible": true})]
	f.path == "publicly_accessible"
}

test_public_cluster_instance if {
	count(rds_public.deny) == 1 with input.resource as fx.tf("aws_rds_cluster_instance", "db", {"publicly_accessible": true})
}

test_private_by_default if {
	count(rds_public.deny) == 0 with input.resource as fx.tf("aws_db_instance", "db", {})
}

test_unknown_not_judged if {
	count(rds_public.deny) == 0 with input.resource as fx.unknown(fx.tf("aws_db_instance", "db", {}), ["publicly_accessible"])
}
