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
#   document of an aws_iam_policy of the estate. In CloudFormation: the
#   inline Policies and ManagedPolicyArns of AWS::IAM::User and
#   AWS::IAM::Group (an AWS managed ARN, or an AWS::IAM::ManagedPolicy of
#   the template referred to), and the PolicyDocument of AWS::IAM::Policy
#   and AWS::IAM::ManagedPolicy naming Users or Groups, of
#   AWS::IAM::UserPolicy and AWS::IAM::GroupPolicy. A grant that rests on a
#   value known only at deployment is undetermined.
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
#     - kind: cloudformation
#       types: ["AWS::IAM::User", "AWS::IAM::Group", "AWS::IAM::Policy", "AWS::IAM::ManagedPolicy", "AWS::IAM::UserPolicy", "AWS::IAM::GroupPolicy"]
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

# A grant to users or groups that cannot be judged before deployment is
# reported on its path: undetermined. That is a document, or a managed
# policy ARN naming no policy of the template, known only at deployment;
# an unknown effect or action of a statement; an unknown resource of a
# statement allowing "*" (a resource referring to another resource of the
# template is an ARN, never "*").
deny contains {"msg": sprintf("a grant to %s is known only at deployment", [concat(" and ", who)]), "path": p} if {
	input.resource.kind == "cloudformation"
	who := humans(input.resource)
	count(who) > 0
	some p in unsure
	count(object.get(input.resource.refs, p, [])) == 0
}

unsure contains p if some p in iam.unknown_documents(input.resource)

unsure contains p if {
	some u in input.resource.unknown
	regex.match(`^ManagedPolicyArns(\[\d+\])?$`, u)
	p := u
}

unsure contains p if {
	some d in iam.documents(input.resource)
	some st in iam.doc_statements(input.resource, d)
	not iam.denies(st)
	some p in iam.unsure(st, iam.action_fields)
}

unsure contains p if {
	some d in iam.documents(input.resource)
	some st in iam.doc_statements(input.resource, d)
	not iam.denies(st)
	some a in st.actions
	iam.full_wildcard_action(a)
	some p in iam.unsure(st, {"Resource", "NotResource"})
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
