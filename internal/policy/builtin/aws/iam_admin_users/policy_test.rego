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

# --- CloudFormation ----------------------------------------------------------

cfn_admin_doc := {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]}

test_cfn_user_managed_arn if {
	u := fx.cfn("AWS::IAM::User", "Ann", {"UserName": "ann", "ManagedPolicyArns": ["arn:aws:iam::aws:policy/ReadOnlyAccess", "arn:aws:iam::aws:policy/AdministratorAccess"]})
	[f] := [f | some f in deny(u, [u])]
	f.path == "ManagedPolicyArns[1]"
	contains(f.msg, "IAM user ann")
}

test_cfn_group_inline_policy if {
	g := fx.cfn("AWS::IAM::Group", "Ops", {"Policies": [{"PolicyName": "all", "PolicyDocument": cfn_admin_doc}]})
	[f] := [f | some f in deny(g, [g])]
	f.path == "Policies[0].PolicyDocument"
	contains(f.msg, "IAM group Ops")
}

test_cfn_group_managed_policy_by_reference if {
	p := fx.cfn("AWS::IAM::ManagedPolicy", "Admin", {"PolicyDocument": cfn_admin_doc})
	g := fx.unknown(fx.refs(fx.cfn("AWS::IAM::Group", "Ops", {"GroupName": "ops"}), {"ManagedPolicyArns[0]": [p.id]}), ["ManagedPolicyArns[0]"])
	[f] := [f | some f in deny(g, [p, g])]
	f.path == "ManagedPolicyArns"
	contains(f.msg, "the policy Admin")
}

test_cfn_policy_naming_users if {
	u := fx.cfn("AWS::IAM::User", "Bob", {})
	p := fx.unknown(fx.refs(fx.cfn("AWS::IAM::Policy", "P", {"PolicyName": "p", "Users": ["carol"], "PolicyDocument": cfn_admin_doc}), {"Users[1]": [u.id]}), ["Users[1]"])
	[f] := [f | some f in deny(p, [u, p])]
	f.path == "PolicyDocument"
	contains(f.msg, "IAM users Bob, carol")
}

test_cfn_role_is_not_a_human if {
	p := fx.cfn("AWS::IAM::Policy", "P", {"PolicyName": "p", "Roles": ["app"], "PolicyDocument": cfn_admin_doc})
	count(deny(p, [p])) == 0
}

test_cfn_unknown_managed_arn if {
	u := fx.unknown(fx.cfn("AWS::IAM::User", "Ann", {}), ["ManagedPolicyArns[0]"])
	[f] := [f | some f in deny(u, [u])]
	f.path == "ManagedPolicyArns[0]"
}

# An unknown resource matters only to a statement allowing "*".
test_cfn_unknown_resource if {
	u := fx.unknown(fx.cfn("AWS::IAM::User", "Ann", {"Policies": [{"PolicyName": "p", "PolicyDocument": {"Statement": [
		{"Effect": "Allow", "Action": "s3:GetObject"},
		{"Effect": "Allow", "Action": "*"},
	]}}]}), ["Policies[0].PolicyDocument.Statement[0].Resource", "Policies[0].PolicyDocument.Statement[1].Resource"])
	[f] := [f | some f in deny(u, [u])]
	f.path == "Policies[0].PolicyDocument.Statement[1].Resource"
}
