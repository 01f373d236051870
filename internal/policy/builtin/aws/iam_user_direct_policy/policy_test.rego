package onus.aws.iam_user_direct_policy_test

import data.onus.aws.iam_user_direct_policy
import data.onus.lib.aws.fixture as fx

deny(r, rs) := d if {
	d := iam_user_direct_policy.deny with input.resource as r with data.onus.estate as fx.estate(rs)
}

test_inline_user_policy if {
	r := fx.tf("aws_iam_user_policy", "p", {"user": "ann", "policy": "{}"})
	[f] := [f | some f in deny(r, [r])]
	f.path == "user"
}

test_attachment_by_reference if {
	u := fx.tf("aws_iam_user", "bob", {"name": "bob"})
	r := fx.unknown(fx.refs(fx.tf("aws_iam_user_policy_attachment", "a", {"policy_arn": "arn:aws:iam::aws:policy/ReadOnlyAccess"}), {"user": [u.id]}), ["user"])
	[f] := [f | some f in deny(r, [u, r])]
	contains(f.msg, "IAM user bob")
}

test_policy_attachment_groups_only if {
	r := fx.tf("aws_iam_policy_attachment", "a", {"groups": ["ops"], "policy_arn": "arn:aws:iam::aws:policy/ReadOnlyAccess"})
	count(deny(r, [r])) == 0
}

test_policy_attachment_users if {
	r := fx.tf("aws_iam_policy_attachment", "a", {"users": ["ann"], "groups": ["ops"], "policy_arn": "arn:aws:iam::aws:policy/ReadOnlyAccess"})
	[f] := [f | some f in deny(r, [r])]
	f.path == "users"
}
