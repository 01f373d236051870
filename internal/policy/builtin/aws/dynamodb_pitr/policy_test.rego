package onus.aws.dynamodb_pitr_test

import data.onus.aws.dynamodb_pitr
import data.onus.lib.aws.fixture as fx

test_off if {
	[f] := [f | some f in dynamodb_pitr.deny with input.resource as fx.tf("aws_dynamodb_table", "t", {})]
	f.path == "point_in_time_recovery[0].enabled"
}

test_on if {
	count(dynamodb_pitr.deny) == 0 with input.resource as fx.tf("aws_dynamodb_table", "t", {"point_in_time_recovery": [{"enabled": true}]})
}
