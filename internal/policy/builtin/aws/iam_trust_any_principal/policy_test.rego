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
