# METADATA
# title: Lambda function URL needs no authentication
# description: |
#   A function URL with authorization_type NONE is a public HTTPS endpoint:
#   anyone who finds it can invoke the function, run up its cost and reach
#   whatever its role can. Under the FaaS model AWS runs the endpoint; its
#   exposure is the customer's setting, so the finding is owned shared.
#   In CloudFormation the setting is AuthType of AWS::Lambda::Url, or
#   FunctionUrlConfig.AuthType of a SAM AWS::Serverless::Function (also when
#   it comes from Globals).
# related_resources:
#   - ref: https://docs.aws.amazon.com/lambda/latest/dg/urls-auth.html
# custom:
#   id: ONUS-AWS-051
#   severity: high
#   category: public-access
#   layer: network
#   targets:
#     - kind: terraform
#       types: [aws_lambda_function_url]
#     - kind: cloudformation
#       types: ["AWS::Lambda::Url", "AWS::Serverless::Function"]
#   controls:
#     nist-800-53: ["AC-3", "AC-4", "IA-2"]
#     csa-ccm: ["IAM-16", "IVS-03"]
#     pci-dss: ["7.2.1"]
#   remediation: |
#     Set authorization_type = "AWS_IAM" and sign requests (SigV4), or put the
#     function behind API Gateway with an authorizer; if it must be public,
#     authenticate inside the function and set reserved concurrency.
#     In CloudFormation, set AuthType: AWS_IAM (FunctionUrlConfig.AuthType
#     for a SAM function).
package onus.aws.lambda_url_auth

import data.onus.lib.aws

deny contains {"msg": "the function URL accepts unauthenticated requests from anyone", "path": s.path} if {
	s := aws.setting(input.resource, names[input.resource.type], null)
	s.value == "NONE"
}

names["aws_lambda_function_url"] := {"terraform": ["authorization_type"]}

names["AWS::Lambda::Url"] := {"cloudformation": ["AuthType"]}

names["AWS::Serverless::Function"] := {"cloudformation": ["FunctionUrlConfig", "AuthType"]}
