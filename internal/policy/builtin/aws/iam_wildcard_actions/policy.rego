# METADATA
# title: IAM policy allows every action, or every action of a service
# description: |
#   Action "*" (administrator access when the resource is also "*"), a
#   service wildcard such as "s3:*" or "iam:*", or an Allow with NotAction
#   grants far more than any workload needs, including actions added to the
#   service later. An over-broad policy turns one leaked credential into an
#   account-wide incident: the role of the 2019 Capital One breach could
#   list and read every S3 bucket of the account. Checked on identity
#   policies: aws_iam_policy, aws_iam_role_policy, aws_iam_user_policy,
#   aws_iam_group_policy and inline_policy blocks of aws_iam_role, whether
#   written with jsonencode, a heredoc or an aws_iam_policy_document.
#   In CloudFormation: the PolicyDocument of AWS::IAM::Policy,
#   ManagedPolicy, RolePolicy, UserPolicy and GroupPolicy, the inline
#   Policies of AWS::IAM::Role, User and Group, and the inline statements
#   among the Policies of an AWS::Serverless::Function; each finding points
#   at the statement.
# related_resources:
#   - ref: https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege
# custom:
#   id: ONUS-AWS-026
#   severity: high
#   category: identity
#   layer: data-access
#   targets:
#     - kind: terraform
#       types: [aws_iam_policy, aws_iam_role_policy, aws_iam_user_policy, aws_iam_group_policy, aws_iam_role]
#     - kind: cloudformation
#       types: ["AWS::IAM::Policy", "AWS::IAM::ManagedPolicy", "AWS::IAM::RolePolicy", "AWS::IAM::UserPolicy", "AWS::IAM::GroupPolicy", "AWS::IAM::Role", "AWS::IAM::User", "AWS::IAM::Group", "AWS::Serverless::Function"]
#   controls:
#     cis-aws: ["1.16"]
#     nist-800-53: ["AC-6", "AC-6(1)", "AC-3"]
#     csa-ccm: ["IAM-05", "IAM-16"]
#     pci-dss: ["7.2.1", "7.2.2"]
#   remediation: |
#     List the actions the workload calls (IAM Access Analyzer can generate a
#     policy from CloudTrail activity) and scope them to the resources it
#     uses. Keep administrator access for break-glass roles behind MFA.
package onus.aws.iam_wildcard_actions

import data.onus.lib.aws.iam

deny contains result if {
	some x in iam.input_statements
	st := x.st
	iam.allows(st)
	wild := [a | some a in st.actions; iam.wildcard_action(a)]
	count(wild) > 0
	result := {
		"msg": sprintf("%s allows %s on %s", [iam.label(st), concat(", ", wild), on(st)]),
		"path": x.path,
		"severity": severity(st),
	}
}

deny contains result if {
	some x in iam.input_statements
	st := x.st
	iam.allows(st)
	count(st.not_actions) > 0
	result := {
		"msg": sprintf("%s allows every action except %s on %s (Allow with NotAction)", [iam.label(st), concat(", ", st.not_actions), on(st)]),
		"path": x.path,
	}
}

# A document, or a statement's effect or actions, known only at deployment
# is reported on its path, which makes the check undetermined.
deny contains {"msg": "the policy document cannot be read before apply", "path": p} if {
	some p in iam.unsure_documents(input.resource, iam.action_fields)
}

severity(st) := "critical" if iam.admin(st)

severity(st) := "high" if not iam.admin(st)

on(st) := "every resource" if "*" in st.resources

on(st) := concat(", ", st.resources) if not "*" in st.resources
