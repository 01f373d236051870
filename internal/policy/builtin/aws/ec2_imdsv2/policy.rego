# METADATA
# title: EC2 instance metadata service accepts IMDSv1
# description: |
#   With IMDSv1 any request that reaches 169.254.169.254 from the instance
#   gets the instance role's temporary credentials: a server-side request
#   forgery (SSRF) in the application is enough to steal them. That is how
#   the 2019 Capital One breach began. IMDSv2 needs a session token obtained
#   by a PUT with a hop limit, which SSRF through a proxy or a misconfigured
#   WAF cannot forge. Applies to instances, launch templates and launch
#   configurations; metadata_options.http_tokens must be "required" (or the
#   metadata endpoint disabled). When http_tokens is unset, an
#   aws_ec2_instance_metadata_defaults of the same root module that requires
#   tokens counts; otherwise the AMI's default applies, which for most AMIs
#   is "optional". In CloudFormation the setting is MetadataOptions.HttpTokens
#   of AWS::EC2::Instance and AWS::AutoScaling::LaunchConfiguration, and
#   LaunchTemplateData.MetadataOptions.HttpTokens of AWS::EC2::LaunchTemplate
#   (an instance launched from a launch template without MetadataOptions of
#   its own is judged on the template); CloudFormation cannot declare the
#   account's metadata defaults.
# related_resources:
#   - ref: https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/configuring-IMDS-new-instances.html
#   - ref: https://www.capitalone.com/digital/facts2019/
# custom:
#   id: ONUS-AWS-009
#   severity: high
#   category: identity
#   layer: operating-system
#   targets:
#     - kind: terraform
#       types: [aws_instance, aws_launch_template, aws_launch_configuration]
#     - kind: cloudformation
#       types: ["AWS::EC2::Instance", "AWS::EC2::LaunchTemplate", "AWS::AutoScaling::LaunchConfiguration"]
#   controls:
#     cis-aws: ["5.6"]
#     nist-800-53: ["AC-3", "AC-6", "CM-7"]
#     csa-ccm: ["IVS-04"]
#   remediation: |
#     Add metadata_options { http_tokens = "required", http_put_response_hop_limit = 1 }
#     (2 for containers on the instance), or http_endpoint = "disabled" when
#     the workload never reads instance metadata. Check first that the SDKs on
#     the instance support IMDSv2 (all current AWS SDKs and the CLI do).
#     In CloudFormation, set MetadataOptions (LaunchTemplateData.MetadataOptions
#     in a launch template) to HttpTokens: required, HttpPutResponseHopLimit: 1.
package onus.aws.ec2_imdsv2

import data.onus.lib.aws.ec2

deny contains result if {
	some m in ec2.metadata_options(input.resource)
	m.endpoint != "disabled"
	m.tokens != "required"
	defaults := ec2.metadata_defaults(input.resource)
	not covered_by_default(m, defaults)
	result := {
		"msg": message(m),
		"path": m.path,
		"undetermined": undetermined(m, defaults),
	}
}

covered_by_default(m, "required") if m.tokens == ""

undetermined(m, defaults) := m.tokens == "" if defaults == "unknown"

undetermined(_, defaults) := false if defaults != "unknown"

message(m) := sprintf("%s: %s is unset and defaults to optional, so the instance metadata service answers IMDSv1 requests and an SSRF can read the instance role's credentials", [input.resource.type, setting[input.resource.kind]]) if m.tokens == ""

message(m) := sprintf("%s: %s is %q, so the instance metadata service answers IMDSv1 requests and an SSRF can read the instance role's credentials", [input.resource.type, setting[input.resource.kind], m.tokens]) if m.tokens != ""

# setting names the tokens setting the way each format writes it.
setting := {"terraform": "metadata_options.http_tokens", "cloudformation": "MetadataOptions.HttpTokens"}
