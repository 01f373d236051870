package onus.aws.lambda_public_permission_test

import data.onus.aws.lambda_public_permission
import data.onus.lib.aws.fixture as fx

test_public if {
	[f] := [f | some f in lambda_public_permission.deny with input.resource as fx.tf("aws_lambda_permission", "p", {"action": "lambda:InvokeFunction", "principal": "*"})]
	f.paths[0] == "principal"
}

test_org_restricted if {
	count(lambda_public_permission.deny) == 0 with input.resource as fx.tf("aws_lambda_permission", "p", {"principal": "*", "principal_org_id": "o-abc123"})
}

test_service_with_source if {
	count(lambda_public_permission.deny) == 0 with input.resource as fx.tf("aws_lambda_permission", "p", {"principal": "s3.amazonaws.com", "source_arn": "arn:aws:s3:::b"})
}

# An unknown source_arn might restrict the grant: the result names it and is
# undetermined.
test_unknown_source_named if {
	r := fx.unknown(fx.tf("aws_lambda_permission", "p", {"principal": "*"}), ["source_arn"])
	[f] := [f | some f in lambda_public_permission.deny with input.resource as r]
	"source_arn" in f.paths
}

test_referenced_source_restricts if {
	r := fx.refs(fx.unknown(fx.tf("aws_lambda_permission", "p", {"principal": "*"}), ["source_arn"]), {"source_arn": ["m::aws_s3_bucket.b"]})
	count(lambda_public_permission.deny) == 0 with input.resource as r
}

cfn_deny(r) := d if {
	d := lambda_public_permission.deny with input.resource as r
}

test_cfn_public if {
	[f] := [f | some f in cfn_deny(fx.cfn("AWS::Lambda::Permission", "Perm", {"Action": "lambda:InvokeFunction", "FunctionName": "f", "Principal": "*"}))]
	f.paths == ["Principal", "SourceArn", "SourceAccount", "PrincipalOrgID"]
	contains(f.msg, "lambda:InvokeFunction")
}

test_cfn_restricted if {
	count(cfn_deny(fx.cfn("AWS::Lambda::Permission", "Perm", {"Principal": "*", "PrincipalOrgID": "o-abc123"}))) == 0
	count(cfn_deny(fx.cfn("AWS::Lambda::Permission", "Perm", {"Principal": "s3.amazonaws.com", "SourceAccount": "111122223333"}))) == 0
	r := fx.refs(fx.unknown(fx.cfn("AWS::Lambda::Permission", "Perm", {"Principal": "*"}), ["SourceArn"]), {"SourceArn": [fx.cfn_id("Bucket")]})
	count(cfn_deny(r)) == 0
}
