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

# --- CloudFormation ----------------------------------------------------------

cfn_user_policy(sts) := fx.cfn("AWS::IAM::UserPolicy", "P", {"UserName": "alice", "PolicyName": "p", "PolicyDocument": {"Statement": sts}})

test_cfn_get_object_everywhere if {
	[f] := [f | some f in deny(cfn_user_policy([{"Effect": "Allow", "Action": ["s3:GetObject", "s3:ListBucket"], "Resource": "*"}]))]
	f.path == "PolicyDocument.Statement[0]"
	contains(f.msg, "s3:getobject")
}

test_cfn_group_inline_policy if {
	r := fx.cfn("AWS::IAM::Group", "G", {"Policies": [{"PolicyName": "p", "PolicyDocument": {"Statement": [{"Effect": "Allow", "Action": "kms:Decrypt", "Resource": ["*"]}]}}]})
	[f] := [f | some f in deny(r)]
	f.path == "Policies[0].PolicyDocument.Statement[0]"
}

# A resource that refers to another resource of the template is an ARN:
# not in doubt, and not "*".
test_cfn_resource_from_getatt if {
	r := fx.refs(fx.unknown(cfn_user_policy([{"Effect": "Allow", "Action": "s3:GetObject"}]), ["PolicyDocument.Statement[0].Resource"]), {"PolicyDocument.Statement[0].Resource": ["t.yaml#Bucket"]})
	count(deny(r)) == 0
}

# A resource from a parameter without a value may be "*": undetermined.
test_cfn_resource_from_parameter if {
	r := fx.unknown(cfn_user_policy([{"Effect": "Allow", "Action": "s3:GetObject"}]), ["PolicyDocument.Statement[0].Resource"])
	[f] := [f | some f in deny(r)]
	f.path == "PolicyDocument.Statement[0].Resource"
}

# A Describe-only statement does not depend on its resources.
test_cfn_unknown_resource_of_harmless_actions if {
	r := fx.unknown(cfn_user_policy([{"Effect": "Allow", "Action": "ec2:DescribeInstances"}]), ["PolicyDocument.Statement[0].Resource"])
	count(deny(r)) == 0
}
