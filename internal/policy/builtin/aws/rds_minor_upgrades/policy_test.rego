package onus.aws.rds_minor_upgrades_test

import data.onus.aws.rds_minor_upgrades
import data.onus.lib.aws.fixture as fx

test_off if {
	[f] := [f | some f in rds_minor_upgrades.deny with input.resource as fx.tf("aws_rds_cluster_instance", "i", {"auto_minor_version_upgrade": false})]
	f.path == "auto_minor_version_upgrade"
}

test_default_on if {
	count(rds_minor_upgrades.deny) == 0 with input.resource as fx.tf("aws_db_instance", "db", {})
}

cfn_deny(props) := d if {
	d := rds_minor_upgrades.deny with input.resource as fx.cfn("AWS::RDS::DBInstance", "Db", props)
}

test_cfn_off if {
	[f] := [f | some f in cfn_deny({"DBClusterIdentifier": "c", "AutoMinorVersionUpgrade": false})]
	f.path == "AutoMinorVersionUpgrade"
	count(cfn_deny({"AutoMinorVersionUpgrade": "false"})) == 1
}

test_cfn_default_on if {
	count(cfn_deny({})) == 0
	count(cfn_deny({"AutoMinorVersionUpgrade": "true"})) == 0
}
