package onus.aws.lambda_url_auth_test

import data.onus.aws.lambda_url_auth
import data.onus.lib.aws.fixture as fx

test_none if {
	count(lambda_url_auth.deny) == 1 with input.resource as fx.tf("aws_lambda_function_url", "u", {"authorization_type": "NONE"})
}

test_iam if {
	count(lambda_url_auth.deny) == 0 with input.resource as fx.tf("aws_lambda_function_url", "u", {"authorization_type": "AWS_IAM"})
}
