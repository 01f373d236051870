# METADATA
# title: Internet-facing compute runs with administrator or service-wide permissions
# description: |
#   Whatever runs on internet-facing compute can be made to use its role: an
#   SSRF, a deserialisation bug or a stolen session token hands the role's
#   permissions to an attacker. In the 2019 Capital One breach, an SSRF in a
#   web application firewall on EC2 read the instance role's credentials
#   from IMDSv1, and the role could list and read every S3 bucket. This
#   policy follows the estate: role ← instance profile ← EC2 instance,
#   launch template or launch configuration that is internet-facing (a
#   public IP, a subnet mapping public IPs, an Elastic IP, or an
#   internet-facing load balancer in front), and role ← Lambda function with
#   a function URL without authentication. It reports the attachment, inline
#   policy or role that grants administrator access ("*" on "*") or every
#   action of a service on every resource ("s3:*" on "*"). In
#   CloudFormation the chain is AWS::IAM::Role ← AWS::IAM::InstanceProfile
#   (Roles) ← AWS::EC2::Instance, LaunchTemplate or
#   AWS::AutoScaling::LaunchConfiguration, and AWS::IAM::Role ←
#   AWS::Lambda::Function (Role) ← AWS::Lambda::Url with AuthType NONE, or
#   an AWS::Serverless::Function whose FunctionUrlConfig has AuthType NONE
#   (its own Policies, or the Role it names); the grant is read from the
#   role's Policies and ManagedPolicyArns, or from an AWS::IAM::Policy,
#   ManagedPolicy or RolePolicy naming the role.
# related_resources:
#   - ref: https://www.capitalone.com/digital/facts2019/
#   - ref: https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_switch-role-ec2.html
# custom:
#   id: ONUS-AWS-029
#   severity: critical
#   category: identity
#   layer: data-access
#   targets:
#     - kind: terraform
#       types: [aws_iam_role_policy_attachment, aws_iam_policy_attachment, aws_iam_role_policy, aws_iam_role]
#     - kind: cloudformation
#       types: ["AWS::IAM::Role", "AWS::IAM::Policy", "AWS::IAM::ManagedPolicy", "AWS::IAM::RolePolicy", "AWS::Serverless::Function"]
#   controls:
#     cis-aws: ["1.16"]
#     nist-800-53: ["AC-6", "AC-6(1)", "AC-6(10)", "SC-7"]
#     csa-ccm: ["IAM-05", "IAM-16"]
#     pci-dss: ["7.2.1", "7.2.2"]
#   remediation: |
#     Scope the role to the actions and resources the workload uses (one
#     bucket, one table), require IMDSv2 on the instances, and keep
#     internet-facing compute in private subnets behind a load balancer.
package onus.aws.iam_internet_facing_role

import data.onus.lib.aws
import data.onus.lib.aws.ec2
import data.onus.lib.aws.iam
import data.onus.lib.estate

deny contains result if {
	some g in iam.grants(input.resource)
	some role in roles(input.resource)
	some c in consumers(role)
	result := object.union(
		{
			"msg": sprintf("%s grants %s to %s, used by %s, which is internet-facing (%s): a compromise of that workload, such as an SSRF, hands these permissions to an attacker", [g.what, granted(g), role_label(role), c.resource.address, c.why]),
			"severity": severity(g),
		},
		{"path": p | p := g.path},
	)
}

# roles returns the roles a resource grants to: itself for a role, and for
# a SAM function the role SAM creates for it from its Policies.
roles(r) := iam.principals_of(r, "role") if not r.type in own_role_types

roles(r) := [r] if r.type in own_role_types

own_role_types := {"aws_iam_role", "AWS::IAM::Role", "AWS::Serverless::Function"}

role_label(role) := sprintf("the role of the function %s", [role.address]) if role.type == "AWS::Serverless::Function"

role_label(role) := sprintf("the role %s", [iam.name_of(role)]) if role.type != "AWS::Serverless::Function"

# consumers returns the internet-facing compute that assumes a role:
# [{"resource", "why"}].
consumers(role) := array.concat(
	array.concat(instance_consumers(role), lambda_consumers(role)),
	array.concat(cfn_instance_consumers(role), cfn_lambda_consumers(role)),
)

cfn_instance_consumers(role) := [{"resource": x, "why": ec2.exposure(x)} |
	role.type == "AWS::IAM::Role"
	some profile in aws.referring_under(role.id, "AWS::IAM::InstanceProfile", "Roles")
	some type in ec2.cfn_compute_types
	some x in estate.referrers(profile.id, type)
	ec2.internet_facing(x)
]

# cfn_lambda_consumers: functions running as the role (a Lambda function's
# Role, a SAM function's Role, or the SAM function itself) whose URL needs
# no authentication.
cfn_lambda_consumers(role) := [{"resource": f, "why": "its function URL needs no authentication"} |
	some f in role_functions(role)
	open_url(f)
]

role_functions(role) := array.concat(
	aws.referring(role.id, "AWS::Lambda::Function", "Role"),
	aws.referring(role.id, "AWS::Serverless::Function", "Role"),
) if role.type == "AWS::IAM::Role"

role_functions(role) := [role] if {
	role.type == "AWS::Serverless::Function"
	not role.attrs.Role
	not aws.unknown(role, "Role")
}

default role_functions(_) := []

open_url(f) if {
	f.type == "AWS::Serverless::Function"
	f.attrs.FunctionUrlConfig.AuthType == "NONE"
}

open_url(f) if {
	some u in aws.referring(f.id, "AWS::Lambda::Url", "TargetFunctionArn")
	u.attrs.AuthType == "NONE"
}

instance_consumers(role) := [{"resource": x, "why": ec2.exposure(x)} |
	some profile in aws.referring(role.id, "aws_iam_instance_profile", "role")
	some type in ec2.compute_types
	some x in estate.referrers(profile.id, type)
	ec2.internet_facing(x)
]

lambda_consumers(role) := [{"resource": f, "why": "its function URL needs no authentication"} |
	some f in aws.referring(role.id, "aws_lambda_function", "role")
	some u in aws.referring(f.id, "aws_lambda_function_url", "function_name")
	u.attrs.authorization_type == "NONE"
]

granted(g) := "administrator access (\"*\" on \"*\")" if g.admin

granted(g) := sprintf("every action of %s on every resource", [concat(", ", g.service_wide)]) if not g.admin

severity(g) := "critical" if g.admin

severity(g) := "high" if not g.admin
