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
#   in the scan (its groups may live elsewhere).
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
	count(user_names) > 0
	not enforced
	result := {
		"msg": sprintf("IAM user %s can sign in to the console with a password, and no policy reaching the user or its groups denies access without MFA", [concat(", ", sort(user_names))]),
		"undetermined": unreadable,
	}
}

# A user that cannot be known is reported on its unknown path: undetermined.
deny contains {"msg": "the user of the login profile is unknown until apply", "path": "user"} if {
	count(user_names) == 0
}
