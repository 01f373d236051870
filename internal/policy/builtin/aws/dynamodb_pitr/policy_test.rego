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

cfn_deny(r) := d if {
	d := dynamodb_pitr.deny with input.resource as r
}

test_cfn_table if {
	[f] := [f | some f in cfn_deny(fx.cfn("AWS::DynamoDB::Table", "T", {}))]
	f.path == "PointInTimeRecoverySpecification.PointInTimeRecoveryEnabled"
	count(cfn_deny(fx.cfn("AWS::DynamoDB::Table", "T", {"PointInTimeRecoverySpecification": {"PointInTimeRecoveryEnabled": "false"}}))) == 1
	count(cfn_deny(fx.cfn("AWS::DynamoDB::Table", "T", {"PointInTimeRecoverySpecification": {"PointInTimeRecoveryEnabled": true}}))) == 0
	count(cfn_deny(fx.cfn("AWS::DynamoDB::Table", "T", {"PointInTimeRecoverySpecification": {"PointInTimeRecoveryEnabled": "true"}}))) == 0
}

test_cfn_global_table_replicas if {
	r := fx.cfn("AWS::DynamoDB::GlobalTable", "G", {"Replicas": [
		{"Region": "eu-west-1", "PointInTimeRecoverySpecification": {"PointInTimeRecoveryEnabled": true}},
		{"Region": "eu-central-1"},
	]})
	{f.path | some f in cfn_deny(r)} == {"Replicas[1].PointInTimeRecoverySpecification.PointInTimeRecoveryEnabled"}
}

test_cfn_global_table_unknown_replicas if {
	r := fx.unknown(fx.cfn("AWS::DynamoDB::GlobalTable", "G", {}), ["Replicas"])
	{f.path | some f in cfn_deny(r)} == {"Replicas"}
}

test_cfn_sam_simple_table if {
	[f] := [f | some f in cfn_deny(fx.cfn("AWS::Serverless::SimpleTable", "S", {"PrimaryKey": {"Name": "id", "Type": "String"}}))]
	f.path == "PointInTimeRecoverySpecification.PointInTimeRecoveryEnabled"
	count(cfn_deny(fx.cfn("AWS::Serverless::SimpleTable", "S", {"PointInTimeRecoverySpecification": {"PointInTimeRecoveryEnabled": true}}))) == 0
}
