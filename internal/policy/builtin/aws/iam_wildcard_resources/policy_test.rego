package onus.aws.iam_wildcard_resources_test

import data.onus.aws.iam_wildcard_resources
import data.onus.lib.aws.fixture as fx

policy(sts) := fx.tf("aws_iam_user_policy", "p", {"policy": json.marshal({"Statement": sts})})

deny(r) := d if {
	d := iam_wildcard_resources.deny with input.resource as r with input.params as {"allowed_actions": ["sts:getcalleridentity"]}
}

test_get_object_everywhere if {
	[f] := [f | some f in deny(policy([{"Effect": "Allow", "Action": ["s3:GetObject", "s3:ListBucket"], "Resource": "*"}]))]
	contains(f.msg, "s3:getobject on every resource")
	not contains(f.msg, "listbucket")
}

test_describe_only_allowed if {
	count(deny(policy([{"Effect": "Allow", "Action": ["ec2:DescribeInstances", "s3:ListAllMyBuckets", "sts:GetCallerIdentity"], "Resource": "*"}]))) == 0
}

test_scoped_resources_allowed if {
	count(deny(policy([{"Effect": "Allow", "Action": "s3:PutObject", "Resource": "arn:aws:s3:::b/*"}]))) == 0
}

test_wildcard_actions_left_to_026 if {
	count(deny(policy([{"Effect": "Allow", "Action": "s3:*", "Resource": "*"}]))) == 0
}

test_many_actions_summarised if {
	[f] := [f | some f in deny(policy([{"Effect": "Allow", "Action": ["a:A", "a:B", "a:C", "a:D", "a:E", "a:F", "a:G"], "Resource": "*"}]))]
	contains(f.msg, "and 2 more")
}
