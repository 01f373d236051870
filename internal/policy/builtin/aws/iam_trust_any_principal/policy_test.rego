package onus.aws.iam_trust_any_principal_test

import data.onus.aws.iam_trust_any_principal
import data.onus.lib.aws.fixture as fx

role(st) := fx.tf("aws_iam_role", "r", {"assume_role_policy": json.marshal({"Statement": [st]})})

test_any_aws_principal if {
	[f] := [f | some f in iam_trust_any_principal.deny with input.resource as role({"Effect": "Allow", "Action": "sts:AssumeRole", "Principal": {"AWS": "*"}})]
	f.path == "assume_role_policy"
}

test_external_id_is_not_enough if {
	count(iam_trust_any_principal.deny) == 1 with input.resource as role({"Effect": "Allow", "Action": "sts:AssumeRole", "Principal": "*", "Condition": {"StringEquals": {"sts:ExternalId": "s3cret"}}})
}

test_org_condition if {
	count(iam_trust_any_principal.deny) == 0 with input.resource as role({"Effect": "Allow", "Action": "sts:AssumeRole", "Principal": {"AWS": "*"}, "Condition": {"StringEquals": {"aws:PrincipalOrgID": "o-abc123"}}})
}

test_service_principal if {
	count(iam_trust_any_principal.deny) == 0 with input.resource as role({"Effect": "Allow", "Action": "sts:AssumeRole", "Principal": {"Service": "ec2.amazonaws.com"}})
}

# --- CloudFormation ----------------------------------------------------------

cfn_role(sts) := fx.cfn("AWS::IAM::Role", "R", {"AssumeRolePolicyDocument": {"Version": "2012-10-17", "Statement": sts}})

test_cfn_any_principal if {
	r := cfn_role([
		{"Effect": "Allow", "Action": "sts:AssumeRole", "Principal": {"Service": "ec2.amazonaws.com"}},
		{"Sid": "Anyone", "Effect": "Allow", "Action": "sts:AssumeRole", "Principal": {"AWS": ["arn:aws:iam::111122223333:root", "*"]}},
	])
	[f] := [f | some f in iam_trust_any_principal.deny with input.resource as r]
	f.path == "AssumeRolePolicyDocument.Statement[1]"
	contains(f.msg, "\"Anyone\"")
}

test_cfn_org_condition if {
	r := cfn_role([{"Effect": "Allow", "Action": "sts:AssumeRole", "Principal": "*", "Condition": {"StringEquals": {"aws:PrincipalOrgID": "o-abc123"}}}])
	count(iam_trust_any_principal.deny) == 0 with input.resource as r
}

# A principal from a parameter without a value might be "*".
test_cfn_unknown_principal if {
	r := fx.unknown(cfn_role([{"Effect": "Allow", "Action": "sts:AssumeRole", "Principal": {}}]), ["AssumeRolePolicyDocument.Statement[0].Principal.AWS"])
	[f] := [f | some f in iam_trust_any_principal.deny with input.resource as r]
	f.path == "AssumeRolePolicyDocument.Statement[0].Principal.AWS"
}

# A public principal with a condition known only at deployment may be
# narrowed by it: reported on the condition's path only.
test_cfn_unknown_condition if {
	r := fx.unknown(cfn_role([{"Effect": "Allow", "Action": "sts:AssumeRole", "Principal": "*", "Condition": {"StringEquals": {}}}]), ["AssumeRolePolicyDocument.Statement[0].Condition.StringEquals.aws:PrincipalOrgID"])
	[f] := [f | some f in iam_trust_any_principal.deny with input.resource as r]
	f.path == "AssumeRolePolicyDocument.Statement[0].Condition.StringEquals.aws:PrincipalOrgID"
}

test_cfn_service_principal_with_unknown_condition if {
	r := fx.unknown(cfn_role([{"Effect": "Allow", "Action": "sts:AssumeRole", "Principal": {"Service": "lambda.amazonaws.com"}, "Condition": {"StringEquals": {}}}]), ["AssumeRolePolicyDocument.Statement[0].Condition.StringEquals.aws:SourceAccount"])
	count(iam_trust_any_principal.deny) == 0 with input.resource as r
}
