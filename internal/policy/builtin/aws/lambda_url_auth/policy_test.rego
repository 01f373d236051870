package onus.aws.lambda_url_auth_test

import data.onus.aws.lambda_url_auth
import data.onus.lib.aws.fixture as fx

test_none if {
	count(lambda_url_auth.deny) == 1 with input.resource as fx.tf("aws_lambda_function_url", "u", {"authorization_type": "NONE"})
}

test_iam if {
	count(lambda_url_auth.deny) == 0 with input.resource as fx.tf("aws_lambda_function_url", "u", {"authorization_type": "AWS_IAM"})
}

cfn_deny(r) := d if {
	d := lambda_url_auth.deny with input.resource as r
}

test_cfn_url_none if {
	[f] := [f | some f in cfn_deny(fx.cfn("AWS::Lambda::Url", "Url", {"AuthType": "NONE", "TargetFunctionArn": "arn"}))]
	f.path == "AuthType"
	count(cfn_deny(fx.cfn("AWS::Lambda::Url", "Url", {"AuthType": "AWS_IAM"}))) == 0
}

test_cfn_sam_function_url if {
	[f] := [f | some f in cfn_deny(fx.cfn("AWS::Serverless::Function", "Fn", {"Runtime": "python3.12", "FunctionUrlConfig": {"AuthType": "NONE"}}))]
	f.path == "FunctionUrlConfig.AuthType"
	count(cfn_deny(fx.cfn("AWS::Serverless::Function", "Fn", {"FunctionUrlConfig": {"AuthType": "AWS_IAM"}}))) == 0
	count(cfn_deny(fx.cfn("AWS::Serverless::Function", "Fn", {"Runtime": "python3.12"}))) == 0
}
