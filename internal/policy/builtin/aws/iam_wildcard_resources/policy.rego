# METADATA
# title: IAM policy allows write or read actions on every resource
# description: |
#   Resource "*" lets the listed actions touch every bucket, table, key,
#   secret or instance of the account, present and future: s3:GetObject on
#   "*" reads every object of every bucket. Describe and List actions, and
#   the few actions AWS only accepts on "*" (sts:GetCallerIdentity,
#   cloudwatch:PutMetricData, X-Ray, ecr:GetAuthorizationToken...), are not
#   reported. Statements whose actions are wildcards are reported by
#   ONUS-AWS-026 instead. The same identity policies are read as by
#   ONUS-AWS-026, in Terraform and CloudFormation.
# related_resources:
#   - ref: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_resource.html
# custom:
#   id: ONUS-AWS-027
#   severity: medium
#   category: identity
#   layer: data-access
#   targets:
#     - kind: terraform
#       types: [aws_iam_policy, aws_iam_role_policy, aws_iam_user_policy, aws_iam_group_policy, aws_iam_role]
#     - kind: cloudformation
#       types: ["AWS::IAM::Policy", "AWS::IAM::ManagedPolicy", "AWS::IAM::RolePolicy", "AWS::IAM::UserPolicy", "AWS::IAM::GroupPolicy", "AWS::IAM::Role", "AWS::IAM::User", "AWS::IAM::Group", "AWS::Serverless::Function"]
#   controls:
#     nist-800-53: ["AC-6", "AC-6(1)", "AC-3"]
#     csa-ccm: ["IAM-05"]
#     pci-dss: ["7.2.2"]
#   params:
#     allowed_actions:
#       default: ["sts:getcalleridentity", "cloudwatch:putmetricdata", "xray:puttracesegments", "xray:puttelemetryrecords", "xray:getsamplingrules", "xray:getsamplingtargets", "xray:getsamplingstatisticsummaries", "ecr:getauthorizationtoken", "iam:getaccountsummary", "iam:getaccountpasswordpolicy"]
#       description: lower-case actions allowed on "*" (they support no resource-level permissions)
#   remediation: |
#     Replace "*" with the ARNs the workload uses (arn:aws:s3:::bucket/*,
#     the table, the queue), or add conditions such as aws:ResourceTag or
#     aws:ResourceAccount.
package onus.aws.iam_wildcard_resources

import data.onus.lib.aws.iam

deny contains result if {
	some x in iam.input_statements
	st := x.st
	iam.allows(st)
	"*" in st.resources
	not wildcard_statement(st)
	broad := [a | some a in st.actions; not harmless(a)]
	count(broad) > 0
	result := {
		"msg": sprintf("%s allows %s on every resource (\"*\")", [iam.label(st), list(broad)]),
		"path": x.path,
	}
}

# A document known only at deployment is reported on its path, which makes
# the check undetermined.
deny contains {"msg": "the policy document cannot be read before apply", "path": p} if {
	some p in iam.unknown_documents(input.resource)
}

# So is an unknown effect, action or resource of a statement that may
# allow actions this check judges (actions other than Describe and List,
# or unknown ones). A resource that refers to another resource of the
# template (!GetAtt Bucket.Arn, !Sub "${Table.Arn}/*") is an ARN, never
# "*": it is not in doubt.
deny contains {"msg": sprintf("%s has resources or actions known only at deployment", [iam.label(st)]), "path": p} if {
	some x in iam.input_statements
	st := x.st
	not iam.denies(st)
	not wildcard_statement(st)
	judged(st)
	some p in iam.unsure(st, iam.resource_fields)
	count(object.get(input.resource.refs, p, [])) == 0
}

judged(st) if {
	some a in st.actions
	not harmless(a)
}

judged(st) if count(iam.unsure(st, iam.action_fields)) > 0

# Reported by ONUS-AWS-026.
wildcard_statement(st) if {
	some a in st.actions
	iam.wildcard_action(a)
}

wildcard_statement(st) if count(st.not_actions) > 0

harmless(a) if {
	name := split(a, ":")[1]
	regex.match(`^(describe|list)`, name)
}

harmless(a) if a in input.params.allowed_actions

list(actions) := concat(", ", actions) if count(actions) <= 5

list(actions) := sprintf("%s and %d more", [concat(", ", array.slice(actions, 0, 5)), count(actions) - 5]) if count(actions) > 5
