# METADATA
# title: EBS encryption by default is turned off
# description: |
#   aws_ebs_encryption_by_default makes every new EBS volume and snapshot
#   copy of the account and region encrypted, whoever creates it and
#   however. Declaring it with enabled = false turns that guard rail off.
#   CloudFormation has no equivalent: encryption by default is an account
#   setting of the EC2 API that no resource type declares, so this check
#   reads Terraform only.
# related_resources:
#   - ref: https://docs.aws.amazon.com/ebs/latest/userguide/encryption-by-default.html
# custom:
#   id: ONUS-AWS-012
#   severity: medium
#   category: encryption
#   layer: data-access
#   targets:
#     - kind: terraform
#       types: [aws_ebs_encryption_by_default]
#   controls:
#     cis-aws: ["2.2.1"]
#     nist-800-53: ["SC-13", "SC-28", "SC-28(1)"]
#     csa-ccm: ["CEK-03"]
#     pci-dss: ["3.5.1"]
#   remediation: |
#     Set enabled = true in every region the account uses (optionally with
#     aws_ebs_default_kms_key naming a customer managed key).
package onus.aws.ebs_default_encryption

deny contains {"msg": "EBS encryption by default is turned off for the account and region", "path": "enabled"} if {
	input.resource.kind == "terraform"
	input.resource.attrs.enabled == false
}
