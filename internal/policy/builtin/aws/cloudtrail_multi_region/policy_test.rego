package onus.aws.cloudtrail_multi_region_test

import data.onus.aws.cloudtrail_multi_region
import data.onus.lib.aws.fixture as fx

test_single_region if {
	[f] := [f | some f in cloudtrail_multi_region.deny with input.resource as fx.tf("aws_cloudtrail", "t", {})]
	f.path == "is_multi_region_trail"
}

test_logging_off if {
	{f.path | some f in cloudtrail_multi_region.deny with input.resource as fx.tf("aws_cloudtrail", "t", {"is_multi_region_trail": true, "enable_logging": false})} == {"enable_logging"}
}

test_multi_region if {
	count(cloudtrail_multi_region.deny) == 0 with input.resource as fx.tf("aws_cloudtrail", "t", {"is_multi_region_trail": true})
}

cfn_deny(props) := d if {
	d := cloudtrail_multi_region.deny with input.resource as fx.cfn("AWS::CloudTrail::Trail", "Trail", props)
}

test_cfn_single_region if {
	{f.path | some f in cfn_deny({"IsLogging": true})} == {"IsMultiRegionTrail"}
}

test_cfn_logging_off if {
	{f.path | some f in cfn_deny({"IsLogging": "false", "IsMultiRegionTrail": "true"})} == {"IsLogging"}
}

test_cfn_multi_region if {
	count(cfn_deny({"IsLogging": true, "IsMultiRegionTrail": true})) == 0
}
