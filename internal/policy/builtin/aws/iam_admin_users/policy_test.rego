package onus.aws.iam_admin_users_test

import data.onus.aws.iam_admin_users
import data.onus.lib.aws.fixture as fx

admin_doc := json.marshal({"Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]})

deny(r, rs) := d if {
	d := iam_admin_users.deny with input.resource as r with data.onus.estate as fx.estate(rs)
}

test_user_attachment_by_arn if {
	r := fx.tf("aws_iam_user_policy_attachment", "a", {"user": "ann", "policy_arn": "arn:aws:iam::aws:policy/AdministratorAccess"})
	[f] := [f | some f in deny(r, [r])]
	f.path == "policy_arn"
	contains(f.msg, "IAM user ann")
}

test_group_attachment_by_reference if {
	p := fx.tf("aws_iam_policy", "admin", {"policy": admin_doc})
	g := fx.tf("aws_iam_group", "ops", {"name": "ops"})
	r := fx.unknown(fx.refs(fx.tf("aws_iam_group_policy_attachment", "a", {"group": "ops"}), {"policy_arn": [p.id], "group": [g.id]}), ["policy_arn"])
	[f] := [f | some f in deny(r, [p, g, r])]
	not f.path
	contains(f.msg, "the policy aws_iam_policy.admin")
}

test_inline_user_policy if {
	r := fx.tf("aws_iam_user_policy", "p", {"user": "bob", "policy": admin_doc})
	[f] := [f | some f in deny(r, [r])]
	f.path == "policy"
}

test_policy_attachment_roles_only_not_reported if {
	r := fx.tf("aws_iam_policy_attachment", "a", {"roles": ["app"], "policy_arn": "arn:aws:iam::aws:policy/AdministratorAccess"})
	count(deny(r, [r])) == 0
}

test_policy_attachment_users if {
	r := fx.tf("aws_iam_policy_attachment", "a", {"users": ["ann", "bob"], "policy_arn": "arn:aws-us-gov:iam::aws:policy/AdministratorAccess"})
	[f] := [f | some f in deny(r, [r])]
	contains(f.msg, "IAM users ann, bob")
}

test_read_only_allowed if {
	r := fx.tf("aws_iam_user_policy_attachment", "a", {"user": "ann", "policy_arn": "arn:aws:iam::aws:policy/ReadOnlyAccess"})
	count(deny(r, [r])) == 0
}

# An unknown policy_arn with no reference grants nothing the policy can see.
test_unknown_arn_not_judged if {
	r := fx.unknown(fx.tf("aws_iam_user_policy_attachment", "a", {"user": "ann"}), ["policy_arn"])
	count(deny(r, [r])) == 0
}
