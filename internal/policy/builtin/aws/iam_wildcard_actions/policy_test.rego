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
