package onus.aws.cloudtrail_log_validation_test

import data.onus.aws.cloudtrail_log_validation
import data.onus.lib.aws.fixture as fx

test_off if {
	count(cloudtrail_log_validation.deny) == 1 with input.resource as fx.tf("aws_cloudtrail", "t", {"enable_log_file_validation": false})
}

test_on if {
	count(cloudtrail_log_validation.deny) == 0 with input.resource as fx.tf("aws_cloudtrail", "t", {"enable_log_file_validation": true})
}

cfn_deny(props) := d if {
	d := cloudtrail_log_validation.deny with input.resource as fx.cfn("AWS::CloudTrail::Trail", "Trail", props)
}

test_cfn_off_by_default if {
	[f] := [f | some f in cfn_deny({"IsLogging": true})]
	f.path == "EnableLogFileValidation"
	count(cfn_deny({"EnableLogFileValidation": "false"})) == 1
}

test_cfn_on if {
	count(cfn_deny({"EnableLogFileValidation": true})) == 0
	count(cfn_deny({"EnableLogFileValidation": "true"})) == 0
}
