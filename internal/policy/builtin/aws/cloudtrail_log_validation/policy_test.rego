package onus.aws.cloudtrail_log_validation_test

import data.onus.aws.cloudtrail_log_validation
import data.onus.lib.aws.fixture as fx

test_off if {
	count(cloudtrail_log_validation.deny) == 1 with input.resource as fx.tf("aws_cloudtrail", "t", {"enable_log_file_validation": false})
}

test_on if {
	count(cloudtrail_log_validation.deny) == 0 with input.resource as fx.tf("aws_cloudtrail", "t", {"enable_log_file_validation": true})
}
