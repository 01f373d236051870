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

cfn_deny(props) := d if {
	d := rds_public.deny with input.resource as fx.cfn("AWS::RDS::DBInstance", "Db", props)
}

test_cfn_public if {
	[f] := [f | some f in cfn_deny({"Engine": "postgres", "PubliclyAccessible": true})]
	f.path == "PubliclyAccessible"
}

test_cfn_public_from_parameter_string if {
	count(cfn_deny({"DBClusterIdentifier": "c", "PubliclyAccessible": "true"})) == 1
}

test_cfn_private_or_unset if {
	count(cfn_deny({"PubliclyAccessible": "false"})) == 0
	count(cfn_deny({"Engine": "mysql"})) == 0
}
