package onus.aws.iam_wildcard_actions_test

import data.onus.aws.iam_wildcard_actions
import data.onus.lib.aws.fixture as fx

policy(sts) := fx.tf("aws_iam_policy", "p", {"policy": json.marshal({"Version": "2012-10-17", "Statement": sts})})

test_admin_is_critical if {
	[f] := [f | some f in iam_wildcard_actions.deny with input.resource as policy([{"Effect": "Allow", "Action": "*", "Resource": "*"}])]
	f.severity == "critical"
	f.path == "policy"
}

test_service_wildcard if {
	[f] := [f | some f in iam_wildcard_actions.deny with input.resource as policy([{"Sid": "S3", "Effect": "Allow", "Action": ["s3:*", "sqs:SendMessage"], "Resource": "*"}])]
	f.severity == "high"
	contains(f.msg, `statement "S3" allows s3:* on every resource`)
}

test_not_action if {
	count(iam_wildcard_actions.deny) == 1 with input.resource as policy([{"Effect": "Allow", "NotAction": "iam:*", "Resource": "*"}])
}

test_specific_actions_allowed if {
	count(iam_wildcard_actions.deny) == 0 with input.resource as policy([{"Effect": "Allow", "Action": ["s3:GetObject", "s3:Get*"], "Resource": "arn:aws:s3:::b/*"}])
}

test_deny_wildcard_allowed if {
	count(iam_wildcard_actions.deny) == 0 with input.resource as policy([{"Effect": "Deny", "Action": "*", "Resource": "*"}])
}

test_role_inline_policy if {
	r := fx.tf("aws_iam_role", "r", {"inline_policy": [{"name": "x", "policy": json.marshal({"Statement": {"Effect": "Allow", "Action": "ec2:*", "Resource": "*"}})}]})
	[f] := [f | some f in iam_wildcard_actions.deny with input.resource as r]
	f.path == "inline_policy[0].policy"
}

test_unknown_document_points_at_itself if {
	r := fx.unknown(fx.tf("aws_iam_role_policy", "p", {}), ["policy"])
	[f] := [f | some f in iam_wildcard_actions.deny with input.resource as r]
	f.path == "policy"
}

# --- CloudFormation ----------------------------------------------------------

cfn_doc(sts) := {"Version": "2012-10-17", "Statement": sts}

test_cfn_managed_policy_admin if {
	r := fx.cfn("AWS::IAM::ManagedPolicy", "Admin", {"PolicyDocument": cfn_doc([{"Effect": "Allow", "Action": "*", "Resource": "*"}])})
	[f] := [f | some f in iam_wildcard_actions.deny with input.resource as r]
	f.severity == "critical"
	f.path == "PolicyDocument.Statement[0]"
}

test_cfn_role_inline_policy if {
	r := fx.cfn("AWS::IAM::Role", "App", {"Policies": [
		{"PolicyName": "read", "PolicyDocument": cfn_doc([{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}])},
		{"PolicyName": "all", "PolicyDocument": cfn_doc([{"Sid": "Dynamo", "Effect": "Allow", "Action": ["dynamodb:*"], "Resource": "arn:aws:dynamodb:eu-west-1:111122223333:table/t"}])},
	]})
	[f] := [f | some f in iam_wildcard_actions.deny with input.resource as r]
	f.path == "Policies[1].PolicyDocument.Statement[0]"
	contains(f.msg, `statement "Dynamo" allows dynamodb:*`)
}

test_cfn_single_statement_object if {
	r := fx.cfn("AWS::IAM::Policy", "P", {"PolicyDocument": {"Statement": {"Effect": "Allow", "NotAction": "iam:*", "Resource": "*"}}})
	[f] := [f | some f in iam_wildcard_actions.deny with input.resource as r]
	f.path == "PolicyDocument.Statement"
}

test_cfn_sam_function_inline_statement if {
	r := fx.cfn("AWS::Serverless::Function", "Fn", {"Policies": ["AWSLambdaBasicExecutionRole", {"Statement": [{"Effect": "Allow", "Action": "sqs:*", "Resource": "*"}]}]})
	[f] := [f | some f in iam_wildcard_actions.deny with input.resource as r]
	f.path == "Policies[1].Statement[0]"
}

# An action from a parameter without a value is reported on its unknown
# path: undetermined.
test_cfn_unknown_action if {
	r := fx.unknown(fx.cfn("AWS::IAM::Policy", "P", {"PolicyDocument": cfn_doc([{"Effect": "Allow", "Resource": "*"}])}), ["PolicyDocument.Statement[0].Action"])
	[f] := [f | some f in iam_wildcard_actions.deny with input.resource as r]
	f.path == "PolicyDocument.Statement[0].Action"
}

test_cfn_specific_actions if {
	r := fx.cfn("AWS::IAM::Role", "App", {"Policies": [{"PolicyName": "read", "PolicyDocument": cfn_doc([{"Effect": "Allow", "Action": ["s3:GetObject"], "Resource": "*"}])}]})
	count(iam_wildcard_actions.deny) == 0 with input.resource as r
}
