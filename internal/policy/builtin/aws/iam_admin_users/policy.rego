# METADATA
# title: Administrator access is granted to IAM users or groups
# description: |
#   A user (or a group of users) with AdministratorAccess, or any policy
#   allowing "*" on "*", holds long-lived credentials that can do everything
#   in the account: one phished password or leaked access key is a full
#   compromise. Reported on the attachment (aws_iam_user_policy_attachment,
#   aws_iam_group_policy_attachment, aws_iam_policy_attachment naming users
#   or groups) or inline policy (aws_iam_user_policy, aws_iam_group_policy)
#   that grants it. A managed policy is recognised by the AWS managed
#   AdministratorAccess ARN or, through the policy_arn reference, by the
#   document of an aws_iam_policy of the estate.
# related_resources:
#   - ref: https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#bp-use-aws-defined-policies
# custom:
#   id: ONUS-AWS-028
#   severity: critical
#   category: identity
#   layer: data-access
#   targets:
#     - kind: terraform
#       types: [aws_iam_user_policy_attachment, aws_iam_group_policy_attachment, aws_iam_policy_attachment, aws_iam_user_policy, aws_iam_group_policy]
#   controls:
#     cis-aws: ["1.16"]
#     nist-800-53: ["AC-2", "AC-6", "AC-6(2)", "AC-6(5)"]
#     csa-ccm: ["IAM-05", "IAM-09", "IAM-10"]
#     pci-dss: ["7.2.1", "7.2.2"]
#   remediation: |
#     Give people access through IAM Identity Center permission sets or roles
#     they assume with MFA, scoped to their job; keep administrator access for
#     a break-glass role.
package onus.aws.iam_admin_users

import data.onus.lib.aws.iam

deny contains result if {
	who := humans(input.resource)
	count(who) > 0
	some g in iam.grants(input.resource)
	g.admin
	result := object.union(
		{"msg": sprintf("%s grants administrator access (\"*\" on \"*\") to %s", [g.what, concat(" and ", who)])},
		{"path": p | p := g.path},
	)
}

# humans describes the users and groups a resource applies to, whether the
# estate declares them (referred to) or names them literally.
humans(r) := [d |
	some kind in ["user", "group"]
	names := iam.principal_names(r, kind)
	count(names) > 0
	d := sprintf("%s %s", [plural(kind, count(names)), concat(", ", sort(names))])
]

plural(kind, 1) := sprintf("IAM %s", [kind])

plural(kind, n) := sprintf("IAM %ss", [kind]) if n > 1
