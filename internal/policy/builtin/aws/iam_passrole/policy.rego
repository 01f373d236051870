# METADATA
# title: IAM policy allows iam:PassRole on every role
# description: |
#   iam:PassRole lets a principal hand a role to a service: launch an EC2
#   instance, a Lambda function or a Glue job that runs as that role. On
#   Resource "*" (or every role, "role/*") it lets the principal run code as
#   any role of the account, administrator roles included: a privilege
#   escalation path. Statements granting it through "*" or "iam:*" are
#   reported by ONUS-AWS-026. The same identity policies are read as by
#   ONUS-AWS-026, in Terraform and CloudFormation.
# related_resources:
#   - ref: https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_passrole.html
# custom:
#   id: ONUS-AWS-030
#   severity: high
#   category: identity
#   layer: data-access
#   targets:
#     - kind: terraform
#       types: [aws_iam_policy, aws_iam_role_policy, aws_iam_user_policy, aws_iam_group_policy, aws_iam_role]
#     - kind: cloudformation
#       types: ["AWS::IAM::Policy", "AWS::IAM::ManagedPolicy", "AWS::IAM::RolePolicy", "AWS::IAM::UserPolicy", "AWS::IAM::GroupPolicy", "AWS::IAM::Role", "AWS::IAM::User", "AWS::IAM::Group", "AWS::Serverless::Function"]
#   controls:
#     nist-800-53: ["AC-6", "AC-6(1)", "AC-3"]
#     csa-ccm: ["IAM-05", "IAM-09"]
#     pci-dss: ["7.2.2"]
#   remediation: |
#     Name the roles that may be passed (arn:aws:iam::ACCOUNT:role/app-*) and
#     add the condition iam:PassedToService for the service that needs them.
package onus.aws.iam_passrole

import data.onus.lib.aws.iam

deny contains result if {
	some x in iam.input_statements
	st := x.st
	iam.allows(st)
	some a in st.actions
	not iam.wildcard_action(a)
	glob.match(a, [], "iam:passrole")
	some res in st.resources
	every_role(res)
	result := {
		"msg": sprintf("%s allows %s on %q: the principal can pass any role, administrators included, to a service it controls", [iam.label(st), a, res]),
		"path": x.path,
	}
}

# A document known only at deployment is reported on its path, which makes
# the check undetermined.
deny contains {"msg": "the policy document cannot be read before apply", "path": p} if {
	some p in iam.unknown_documents(input.resource)
}

# So is an unknown effect, action or resource of a statement that may
# allow iam:PassRole (it names the action, or its actions are unknown). A
# resource that refers to another resource of the template (!GetAtt
# Role.Arn) is an ARN, never "*": it is not in doubt.
deny contains {"msg": sprintf("%s may pass roles, on resources known only at deployment", [iam.label(st)]), "path": p} if {
	some x in iam.input_statements
	st := x.st
	not iam.denies(st)
	may_pass(st)
	some p in iam.unsure(st, iam.resource_fields)
	count(object.get(input.resource.refs, p, [])) == 0
}

may_pass(st) if {
	some a in st.actions
	not iam.wildcard_action(a)
	glob.match(a, [], "iam:passrole")
}

may_pass(st) if count(iam.unsure(st, iam.action_fields)) > 0

every_role(res) if res == "*"

every_role(res) if regex.match(`^arn:aws[a-z-]*:iam::[^:]*:(role/)?\*$`, res)
