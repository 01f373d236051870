# METADATA
# title: IAM user has policies of its own
# description: |
#   Permissions given to a user directly (an inline aws_iam_user_policy, an
#   aws_iam_user_policy_attachment, or an aws_iam_policy_attachment listing
#   users) escape the review that group or role membership gets, pile up as
#   people change jobs, and leave when the user does not. CIS asks that
#   users receive permissions only through groups. In CloudFormation: the
#   Policies and ManagedPolicyArns of AWS::IAM::User, the Users of
#   AWS::IAM::Policy and AWS::IAM::ManagedPolicy, and AWS::IAM::UserPolicy.
# related_resources:
#   - ref: https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#use-groups-for-permissions
# custom:
#   id: ONUS-AWS-031
#   severity: low
#   category: identity
#   layer: data-access
#   targets:
#     - kind: terraform
#       types: [aws_iam_user_policy, aws_iam_user_policy_attachment, aws_iam_policy_attachment]
#     - kind: cloudformation
#       types: ["AWS::IAM::User", "AWS::IAM::Policy", "AWS::IAM::ManagedPolicy", "AWS::IAM::UserPolicy"]
#   controls:
#     cis-aws: ["1.15"]
#     nist-800-53: ["AC-2", "AC-6"]
#     csa-ccm: ["IAM-04", "IAM-05"]
#     pci-dss: ["7.2.1"]
#   remediation: |
#     Move the permissions to a group (aws_iam_group_policy_attachment) or,
#     better, to roles people assume through IAM Identity Center, and add the
#     user to it. In CloudFormation, move the user's Policies and
#     ManagedPolicyArns to an AWS::IAM::Group and list the group in the
#     user's Groups.
package onus.aws.iam_user_direct_policy

import data.onus.lib.aws.iam

deny contains {"msg": msg, "path": arg} if {
	input.resource.type in {"aws_iam_user_policy", "aws_iam_user_policy_attachment", "aws_iam_policy_attachment"}
	some arg in ["user", "users"]
	names := iam.principal_names_at(input.resource, "user", arg)
	count(names) > 0
	msg := sprintf("%s gives IAM user %s permissions of its own instead of through a group", [kind(input.resource.type), concat(", ", sort(names))])
}

kind("aws_iam_user_policy") := "an inline policy"

kind("aws_iam_user_policy_attachment") := "a policy attachment"

kind("aws_iam_policy_attachment") := "a policy attachment"

# CloudFormation: a user's own Policies and ManagedPolicyArns.
deny contains {"msg": msg, "path": arg} if {
	input.resource.kind == "cloudformation"
	input.resource.type == "AWS::IAM::User"
	some arg, what in {"Policies": "inline policies", "ManagedPolicyArns": "managed policies"}
	given(input.resource, arg)
	msg := sprintf("IAM user %s has %s of its own instead of permissions through a group", [iam.name_of(input.resource), what])
}

# CloudFormation: a policy naming users, or a user policy.
deny contains {"msg": msg, "path": arg} if {
	input.resource.kind == "cloudformation"
	arg := cfn_user_arg[input.resource.type]
	names := iam.principal_names_at(input.resource, "user", arg)
	count(names) > 0
	msg := sprintf("%s gives IAM user %s permissions of its own instead of through a group", [cfn_kind(input.resource.type), concat(", ", sort(names))])
}

# given holds when a list argument of r has an item, known or not.
given(r, arg) if count(object.get(r.attrs, arg, [])) > 0

given(r, arg) if {
	some u in r.unknown
	startswith(u, arg)
}

cfn_user_arg := {"AWS::IAM::Policy": "Users", "AWS::IAM::ManagedPolicy": "Users", "AWS::IAM::UserPolicy": "UserName"}

cfn_kind("AWS::IAM::ManagedPolicy") := "a managed policy"

cfn_kind(t) := "an inline policy" if t != "AWS::IAM::ManagedPolicy"
