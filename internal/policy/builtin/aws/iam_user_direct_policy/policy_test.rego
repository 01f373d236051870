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

# --- CloudFormation ----------------------------------------------------------

test_cfn_user_own_policies if {
	u := fx.cfn("AWS::IAM::User", "Ann", {"UserName": "ann", "Policies": [{"PolicyName": "p", "PolicyDocument": {}}], "ManagedPolicyArns": ["arn:aws:iam::aws:policy/ReadOnlyAccess"]})
	paths := {f.path | some f in deny(u, [u])}
	paths == {"Policies", "ManagedPolicyArns"}
}

test_cfn_user_in_group if {
	u := fx.cfn("AWS::IAM::User", "Ann", {"Groups": ["readers"]})
	count(deny(u, [u])) == 0
}

test_cfn_user_managed_policy_by_reference if {
	u := fx.unknown(fx.cfn("AWS::IAM::User", "Ann", {}), ["ManagedPolicyArns[0]"])
	[f] := [f | some f in deny(u, [u])]
	f.path == "ManagedPolicyArns"
}

test_cfn_managed_policy_naming_users if {
	u := fx.cfn("AWS::IAM::User", "Bob", {"UserName": "bob"})
	p := fx.unknown(fx.refs(fx.cfn("AWS::IAM::ManagedPolicy", "P", {"Users": [], "Groups": ["ops"]}), {"Users[0]": [u.id]}), ["Users[0]"])
	[f] := [f | some f in deny(p, [u, p])]
	f.path == "Users"
	contains(f.msg, "a managed policy gives IAM user bob")
}

test_cfn_user_policy if {
	p := fx.cfn("AWS::IAM::UserPolicy", "P", {"UserName": "carol", "PolicyName": "p", "PolicyDocument": {}})
	[f] := [f | some f in deny(p, [p])]
	f.path == "UserName"
}

test_cfn_group_policy_allowed if {
	p := fx.cfn("AWS::IAM::Policy", "P", {"Groups": ["ops"], "PolicyName": "p", "PolicyDocument": {}})
	count(deny(p, [p])) == 0
}
