# METADATA
# title: IAM console user has no MFA enforcement
# description: |
#   A user with a console password (aws_iam_user_login_profile) and no MFA is
#   one phished or reused password away from the console. Whether a user
#   has registered an MFA device cannot be read from configuration; what
#   can is whether a policy makes MFA mandatory, the pattern AWS documents:
#   a Deny statement conditioned on aws:MultiFactorAuthPresent being false
#   (Bool or BoolIfExists) or aws:MultiFactorAuthAge being null. The
#   heuristic, built to stay quiet when unsure: the policy collects every
#   identity policy that reaches the user in the same root module (inline
#   user policies, user and policy attachments, and the inline policies and
#   attachments of the groups it belongs to through
#   aws_iam_user_group_membership or aws_iam_group_membership), matched by
#   reference or by name. It reports the login profile when none of them
#   enforces MFA. The result is undetermined, not a finding, when one of
#   those policies cannot be read (an unknown document, a customer managed
#   ARN the scan does not declare) or when the user itself is not declared
#   in the scan (its groups may live elsewhere). In CloudFormation the
#   console user is an AWS::IAM::User with a LoginProfile, and the policies
#   reaching it are its own Policies and ManagedPolicyArns (managed
#   policies of the template referred to), the groups it joins through
#   Groups or AWS::IAM::UserToGroupAddition (their Policies and
#   ManagedPolicyArns), and the AWS::IAM::Policy, ManagedPolicy,
#   UserPolicy and GroupPolicy of the template naming the user or those
#   groups; the finding points at the LoginProfile.
# related_resources:
#   - ref: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_examples_aws_my-sec-creds-self-manage.html
# custom:
#   id: ONUS-AWS-032
#   severity: medium
#   category: identity
#   layer: data-access
#   targets:
#     - kind: terraform
#       types: [aws_iam_user_login_profile]
#     - kind: cloudformation
#       types: ["AWS::IAM::User"]
#   controls:
#     cis-aws: ["1.10"]
#     nist-800-53: ["IA-2(1)", "IA-2(2)"]
#     csa-ccm: ["IAM-14"]
#     pci-dss: ["8.4.2"]
#   remediation: |
#     Attach to the users' group a policy that denies every action except
#     managing one's own MFA device when aws:MultiFactorAuthPresent is false
#     (AWS's "self-manage credentials with MFA" example), or move people to
#     IAM Identity Center with MFA required.
package onus.aws.iam_console_mfa

import data.onus.lib.aws
import data.onus.lib.aws.iam

profile := input.resource

user_names := iam.principal_names(profile, "user")

user_ids := {u.id | some u in iam.principals_of(profile, "user")}

# declared holds when the scan declares the user.
declared if count(user_ids) > 0

declared if {
	some u in aws.in_unit(profile, "aws_iam_user")
	u.attrs.name in user_names
}

applies(x, kind, names, ids) if {
	some n in iam.named_principals(x, kind)
	n in names
}

applies(x, kind, names, ids) if {
	some y in iam.principals_of(x, kind)
	y.id in ids
}

# The user's groups, by name and by id.
memberships := [m |
	some t in ["aws_iam_user_group_membership", "aws_iam_group_membership"]
	some m in aws.in_unit(profile, t)
	applies(m, "user", user_names, user_ids)
]

group_names := {n | some m in memberships; some n in iam.principal_names(m, "group")}

group_ids := {g.id | some m in memberships; some g in iam.principals_of(m, "group")}

# sources are the inline policies and attachments reaching the user.
sources := array.concat(
	[x |
		some t in ["aws_iam_user_policy", "aws_iam_user_policy_attachment", "aws_iam_policy_attachment"]
		some x in aws.in_unit(profile, t)
		applies(x, "user", user_names, user_ids)
	],
	[x |
		some t in ["aws_iam_group_policy", "aws_iam_group_policy_attachment", "aws_iam_policy_attachment"]
		some x in aws.in_unit(profile, t)
		applies(x, "group", group_names, group_ids)
	],
)

# documents returns the documents of a source: {"known": [json], "unknown": bool}.
documents(x) := {"known": [x.attrs.policy | is_string(x.attrs.policy)], "unknown": aws.unknown(x, "policy")} if {
	x.type in {"aws_iam_user_policy", "aws_iam_group_policy"}
}

documents(x) := {"known": [p.attrs.policy | some p in refs; is_string(p.attrs.policy)], "unknown": unreadable} if {
	not x.type in {"aws_iam_user_policy", "aws_iam_group_policy"}
	refs := [p | some p in aws.referred(x, "policy_arn"); p.type == "aws_iam_policy"]
	unreadable := attachment_unreadable(x, refs)
}

attachment_unreadable(x, refs) if {
	count(refs) == 0
	not aws_managed(x)
}

attachment_unreadable(_, refs) if {
	some p in refs
	aws.unknown(p, "policy")
}

default attachment_unreadable(_, _) := false

aws_managed(x) if iam.aws_managed_arn(x.attrs.policy_arn)

enforced if {
	some x in sources
	some doc in documents(x).known
	iam.mfa_enforcing(doc)
}

unreadable if {
	some x in sources
	documents(x).unknown
}

unreadable if not declared

default unreadable := false

deny contains result if {
	profile.kind == "terraform"
	count(user_names) > 0
	not enforced
	result := {
		"msg": sprintf("IAM user %s can sign in to the console with a password, and no policy reaching the user or its groups denies access without MFA", [concat(", ", sort(user_names))]),
		"undetermined": unreadable,
	}
}

# A user that cannot be known is reported on its unknown path: undetermined.
deny contains {"msg": "the user of the login profile is unknown until apply", "path": "user"} if {
	profile.kind == "terraform"
	count(user_names) == 0
}

# --- CloudFormation ----------------------------------------------------------

# cfn_console holds for a user with a console password: a LoginProfile,
# written or known only at deployment.
cfn_console if {
	profile.kind == "cloudformation"
	is_object(profile.attrs.LoginProfile)
}

cfn_console if {
	profile.kind == "cloudformation"
	aws.unknown(profile, "LoginProfile")
}

# The user's name, when the template gives one (CloudFormation names a
# user without UserName itself: no literal name can match it then).
cfn_user_names := {n | n := profile.attrs.UserName; is_string(n)}

cfn_user_ids := {profile.id}

# The user's groups: its Groups, and the AWS::IAM::UserToGroupAddition
# resources naming it; by literal name and by reference.
cfn_additions := [a |
	some a in aws.in_unit(profile, "AWS::IAM::UserToGroupAddition")
	applies(a, "user", cfn_user_names, cfn_user_ids)
]

cfn_group_names := {n | some n in iam.aws_list(object.get(profile.attrs, "Groups", [])); is_string(n)} | {n |
	some a in cfn_additions
	n := a.attrs.GroupName
	is_string(n)
}

cfn_group_ids := {g.id | some g in aws.referred_under(profile, "Groups"); g.type == "AWS::IAM::Group"} | {g.id |
	some a in cfn_additions
	some g in aws.referred(a, "GroupName")
	g.type == "AWS::IAM::Group"
}

# The groups of the template the user belongs to, by reference or name.
cfn_groups := [g |
	some g in aws.in_unit(profile, "AWS::IAM::Group")
	cfn_member(g)
]

cfn_member(g) if g.id in cfn_group_ids

cfn_member(g) if g.attrs.GroupName in cfn_group_names

# cfn_sources are the user, its groups, and the policies of the template
# that name the user or one of its groups.
cfn_sources := array.concat(array.concat([profile], cfn_groups), [x |
	some t in ["AWS::IAM::Policy", "AWS::IAM::ManagedPolicy", "AWS::IAM::UserPolicy", "AWS::IAM::GroupPolicy"]
	some x in aws.in_unit(profile, t)
	cfn_reaches(x)
])

cfn_reaches(x) if applies(x, "user", cfn_user_names, cfn_user_ids)

cfn_reaches(x) if applies(x, "group", cfn_group_names, {g.id | some g in cfn_groups} | cfn_group_ids)

# cfn_documents are the documents of the sources: their own, and those of
# the managed policies of the template their ManagedPolicyArns refer to.
cfn_documents := array.concat(
	[d.policy | some x in cfn_sources; some d in iam.documents(x)],
	[p.attrs.PolicyDocument |
		some x in cfn_sources
		some p in aws.referred_under(x, "ManagedPolicyArns")
		p.type == "AWS::IAM::ManagedPolicy"
		iam.is_document(p.attrs.PolicyDocument)
	],
)

cfn_enforced if {
	some doc in cfn_documents
	iam.mfa_enforcing(doc)
}

# cfn_unreadable holds when a policy reaching the user cannot be read: an
# unknown document or statement effect or condition, or a managed policy
# ARN known only at deployment that names no policy of the template.
cfn_unreadable if {
	some x in cfn_sources
	count(iam.unsure_documents(x, {"Effect", "Condition"})) > 0
}

cfn_unreadable if {
	some x in cfn_sources
	some u in x.unknown
	regex.match(`^ManagedPolicyArns(\[\d+\])?$`, u)
	count(object.get(x.refs, u, [])) == 0
}

cfn_unreadable if {
	some x in cfn_sources
	some arn in object.get(x.attrs, "ManagedPolicyArns", [])
	is_string(arn)
	not iam.aws_managed_arn(arn)
}

# A group named by the user that the template does not declare may carry
# the MFA policy.
cfn_unreadable if {
	some n in cfn_group_names
	not n in {g.attrs.GroupName | some g in cfn_groups}
}

default cfn_unreadable := false

deny contains result if {
	cfn_console
	not cfn_enforced
	result := {
		"msg": sprintf("IAM user %s can sign in to the console with a password, and no policy reaching the user or its groups denies access without MFA", [iam.name_of(profile)]),
		"path": "LoginProfile",
		"undetermined": cfn_unreadable,
	}
}
