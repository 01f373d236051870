# METADATA
# title: Lambda permission lets anyone invoke the function
# description: |
#   An aws_lambda_permission with principal "*" and no source_arn,
#   source_account or principal_org_id adds a resource policy statement
#   that lets any AWS account invoke the function (or call the action
#   granted). Permissions for AWS services should name the source resource,
#   or another account's resources could trigger the function.
#   In CloudFormation the grant is an AWS::Lambda::Permission with
#   Principal, SourceArn, SourceAccount and PrincipalOrgID. The SAM
#   AWS::Serverless::Function declares no resource-based permission of its
#   own (its Events create scoped ones), so it is not checked.
# related_resources:
#   - ref: https://docs.aws.amazon.com/lambda/latest/dg/access-control-resource-based.html
# custom:
#   id: ONUS-AWS-052
#   severity: high
#   category: public-access
#   layer: network
#   targets:
#     - kind: terraform
#       types: [aws_lambda_permission]
#     - kind: cloudformation
#       types: ["AWS::Lambda::Permission"]
#   controls:
#     nist-800-53: ["AC-3", "AC-6"]
#     csa-ccm: ["IAM-16"]
#     pci-dss: ["7.2.1"]
#   remediation: |
#     Name the principal (an account, or the service together with
#     source_arn and source_account), or add principal_org_id.
#     In CloudFormation, set Principal to the calling service or account and
#     add SourceArn or SourceAccount (or PrincipalOrgID).
package onus.aws.lambda_public_permission

import data.onus.lib.aws

names := {
	"terraform": {"principal": "principal", "action": "action", "conditions": ["source_arn", "source_account", "principal_org_id"]},
	"cloudformation": {"principal": "Principal", "action": "Action", "conditions": ["SourceArn", "SourceAccount", "PrincipalOrgID"]},
}[input.resource.kind]

deny contains {"msg": msg, "paths": array.concat([names.principal], names.conditions)} if {
	input.resource.attrs[names.principal] in {"*", "arn:aws:iam::*:root"}
	every k in names.conditions {
		not aws.configured(input.resource, k)
	}
	msg := sprintf("any AWS principal may call %s on the function", [object.get(input.resource.attrs, names.action, "lambda:InvokeFunction")])
}
