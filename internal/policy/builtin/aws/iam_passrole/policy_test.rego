package onus.aws.iam_passrole_test

import data.onus.aws.iam_passrole
import data.onus.lib.aws.fixture as fx

policy(st) := fx.tf("aws_iam_policy", "p", {"policy": json.marshal({"Statement": [st]})})

test_passrole_star if {
	[f] := [f | some f in iam_passrole.deny with input.resource as policy({"Effect": "Allow", "Action": ["ec2:RunInstances", "iam:PassRole"], "Resource": "*"})]
	f.path == "policy"
}

test_passrole_every_role_arn if {
	count(iam_passrole.deny) == 1 with input.resource as policy({"Effect": "Allow", "Action": "iam:Pass*", "Resource": "arn:aws:iam::111122223333:role/*"})
}

test_named_roles_allowed if {
	count(iam_passrole.deny) == 0 with input.resource as policy({"Effect": "Allow", "Action": "iam:PassRole", "Resource": "arn:aws:iam::111122223333:role/app-*"})
}

test_iam_wildcard_left_to_026 if {
	count(iam_passrole.deny) == 0 with input.resource as policy({"Effect": "Allow", "Action": "iam:*", "Resource": "*"})
}

# --- CloudFormation ----------------------------------------------------------

cfn_role(st) := fx.cfn("AWS::IAM::Role", "Deployer", {"Policies": [{"PolicyName": "deploy", "PolicyDocument": {"Statement": [st]}}]})

test_cfn_passrole_star if {
	[f] := [f | some f in iam_passrole.deny with input.resource as cfn_role({"Effect": "Allow", "Action": ["lambda:CreateFunction", "iam:PassRole"], "Resource": "*"})]
	f.path == "Policies[0].PolicyDocument.Statement[0]"
}

test_cfn_passrole_every_role if {
	r := fx.cfn("AWS::IAM::ManagedPolicy", "P", {"PolicyDocument": {"Statement": [{"Effect": "Allow", "Action": "iam:Pass*", "Resource": "arn:aws:iam::111122223333:role/*"}]}})
	count(iam_passrole.deny) == 1 with input.resource as r
}

test_cfn_passrole_named_role if {
	r := fx.refs(fx.unknown(cfn_role({"Effect": "Allow", "Action": "iam:PassRole"}), ["Policies[0].PolicyDocument.Statement[0].Resource"]), {"Policies[0].PolicyDocument.Statement[0].Resource": ["t.yaml#AppRole"]})
	count(iam_passrole.deny) == 0 with input.resource as r
}

# A resource from a parameter without a value is in doubt only where the
# statement may pass roles.
test_cfn_unknown_resource if {
	r := fx.unknown(fx.cfn("AWS::IAM::ManagedPolicy", "P", {"PolicyDocument": {"Statement": [
		{"Effect": "Allow", "Action": "s3:GetObject"},
		{"Effect": "Allow", "Action": "iam:PassRole"},
	]}}), ["PolicyDocument.Statement[0].Resource", "PolicyDocument.Statement[1].Resource"])
	[f] := [f | some f in iam_passrole.deny with input.resource as r]
	f.path == "PolicyDocument.Statement[1].Resource"
}
