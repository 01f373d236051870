package onus.aws.iam_console_mfa_test

import data.onus.aws.iam_console_mfa
import data.onus.lib.aws.fixture as fx

user := fx.tf("aws_iam_user", "ann", {"name": "ann"})

login := fx.refs(fx.tf("aws_iam_user_login_profile", "ann", {"user": "ann"}), {"user": [user.id]})

group := fx.tf("aws_iam_group", "devs", {"name": "devs"})

membership := fx.refs(fx.tf("aws_iam_user_group_membership", "ann", {"user": "ann", "groups": ["devs"]}), {"user": [user.id], "groups": [group.id]})

mfa_doc := json.marshal({"Statement": [{
	"Sid": "DenyWithoutMFA", "Effect": "Deny",
	"NotAction": ["iam:CreateVirtualMFADevice", "iam:EnableMFADevice", "sts:GetSessionToken"],
	"Resource": "*",
	"Condition": {"BoolIfExists": {"aws:MultiFactorAuthPresent": "false"}},
}]})

deny(rs) := d if {
	d := iam_console_mfa.deny with input.resource as login with data.onus.estate as fx.estate(rs)
}

test_no_policies if {
	[f] := [f | some f in deny([user, login])]
	not f.undetermined
	contains(f.msg, "IAM user ann")
}

test_group_inline_policy_enforces if {
	gp := fx.refs(fx.tf("aws_iam_group_policy", "mfa", {"group": "devs", "policy": mfa_doc}), {"group": [group.id]})
	count(deny([user, login, group, membership, gp])) == 0
}

test_group_attachment_of_estate_policy_enforces if {
	p := fx.tf("aws_iam_policy", "mfa", {"policy": mfa_doc})
	a := fx.unknown(fx.refs(fx.tf("aws_iam_group_policy_attachment", "mfa", {"group": "devs"}), {"group": [group.id], "policy_arn": [p.id]}), ["policy_arn"])
	count(deny([user, login, group, membership, p, a])) == 0
}

test_group_membership_by_name if {
	m := fx.tf("aws_iam_group_membership", "devs", {"group": "devs", "users": ["ann", "bob"]})
	gp := fx.tf("aws_iam_group_policy", "mfa", {"group": "devs", "policy": mfa_doc})
	count(deny([user, login, m, gp])) == 0
}

test_user_policy_enforces if {
	up := fx.refs(fx.tf("aws_iam_user_policy", "mfa", {"policy": mfa_doc}), {"user": [user.id]})
	count(deny([user, login, up])) == 0
}

test_policy_of_another_group_does_not_count if {
	other := fx.tf("aws_iam_group", "ops", {"name": "ops"})
	gp := fx.refs(fx.tf("aws_iam_group_policy", "mfa", {"group": "ops", "policy": mfa_doc}), {"group": [other.id]})
	count(deny([user, login, group, other, membership, gp])) == 1
}

test_aws_managed_attachment_is_readable if {
	a := fx.refs(fx.tf("aws_iam_group_policy_attachment", "ro", {"group": "devs", "policy_arn": "arn:aws:iam::aws:policy/ReadOnlyAccess"}), {"group": [group.id]})
	[f] := [f | some f in deny([user, login, group, membership, a])]
	not f.undetermined
}

test_customer_arn_not_in_scan_is_undetermined if {
	a := fx.refs(fx.tf("aws_iam_group_policy_attachment", "x", {"group": "devs", "policy_arn": "arn:aws:iam::111122223333:policy/RequireMFA"}), {"group": [group.id]})
	[f] := [f | some f in deny([user, login, group, membership, a])]
	f.undetermined
}

test_unknown_document_is_undetermined if {
	gp := fx.unknown(fx.refs(fx.tf("aws_iam_group_policy", "mfa", {"group": "devs"}), {"group": [group.id]}), ["policy"])
	[f] := [f | some f in deny([user, login, group, membership, gp])]
	f.undetermined
}

test_undeclared_user_is_undetermined if {
	l := fx.tf("aws_iam_user_login_profile", "x", {"user": "someone"})
	[f] := [f | some f in iam_console_mfa.deny with input.resource as l with data.onus.estate as fx.estate([l])]
	f.undetermined
}

test_unknown_user_points_at_itself if {
	l := fx.unknown(fx.tf("aws_iam_user_login_profile", "x", {}), ["user"])
	[f] := [f | some f in iam_console_mfa.deny with input.resource as l with data.onus.estate as fx.estate([l])]
	f.path == "user"
}

# --- CloudFormation ----------------------------------------------------------

cfn_mfa_doc := json.unmarshal(mfa_doc)

cfn_user(props) := fx.cfn("AWS::IAM::User", "Ann", object.union({"UserName": "ann", "LoginProfile": {"PasswordResetRequired": true}}, props))

cfn_deny(u, rs) := d if {
	d := iam_console_mfa.deny with input.resource as u with data.onus.estate as fx.estate(rs)
}

test_cfn_no_policies if {
	u := fx.unknown(cfn_user({}), ["LoginProfile.Password"])
	[f] := [f | some f in cfn_deny(u, [u])]
	f.path == "LoginProfile"
	not f.undetermined
	contains(f.msg, "IAM user ann")
}

test_cfn_no_login_profile if {
	u := fx.cfn("AWS::IAM::User", "Svc", {"UserName": "svc"})
	count(cfn_deny(u, [u])) == 0
}

test_cfn_own_inline_policy if {
	u := cfn_user({"Policies": [{"PolicyName": "mfa", "PolicyDocument": cfn_mfa_doc}]})
	count(cfn_deny(u, [u])) == 0
}

test_cfn_group_by_reference if {
	g := fx.cfn("AWS::IAM::Group", "Devs", {"Policies": [{"PolicyName": "mfa", "PolicyDocument": cfn_mfa_doc}]})
	u := fx.unknown(fx.refs(cfn_user({"Groups": []}), {"Groups[0]": [g.id]}), ["Groups[0]"])
	count(cfn_deny(u, [g, u])) == 0
}

test_cfn_managed_policy_on_group_by_name if {
	g := fx.cfn("AWS::IAM::Group", "Devs", {"GroupName": "devs"})
	p := fx.cfn("AWS::IAM::ManagedPolicy", "Mfa", {"Groups": ["devs"], "PolicyDocument": cfn_mfa_doc})
	u := cfn_user({"Groups": ["devs"]})
	count(cfn_deny(u, [g, p, u])) == 0
}

test_cfn_user_to_group_addition if {
	g := fx.cfn("AWS::IAM::Group", "Devs", {"GroupName": "devs"})
	p := fx.unknown(fx.refs(fx.cfn("AWS::IAM::Policy", "Mfa", {"PolicyName": "mfa", "PolicyDocument": cfn_mfa_doc}), {"Groups[0]": [g.id]}), ["Groups[0]"])
	u := cfn_user({})
	a := fx.cfn("AWS::IAM::UserToGroupAddition", "Add", {"GroupName": "devs", "Users": ["ann"]})
	count(cfn_deny(u, [g, p, u, a])) == 0
}

test_cfn_policy_without_mfa if {
	p := fx.cfn("AWS::IAM::UserPolicy", "P", {"UserName": "ann", "PolicyName": "p", "PolicyDocument": {"Statement": [{"Effect": "Allow", "Action": "s3:ListAllMyBuckets", "Resource": "*"}]}})
	u := cfn_user({})
	[f] := [f | some f in cfn_deny(u, [p, u])]
	not f.undetermined
}

# A customer managed policy the template does not declare may enforce MFA.
test_cfn_unreadable_managed_policy if {
	u := cfn_user({"ManagedPolicyArns": ["arn:aws:iam::111122223333:policy/require-mfa"]})
	[f] := [f | some f in cfn_deny(u, [u])]
	f.undetermined
}

# A group the template does not declare may carry the MFA policy.
test_cfn_undeclared_group if {
	u := cfn_user({"Groups": ["admins"]})
	[f] := [f | some f in cfn_deny(u, [u])]
	f.undetermined
}
