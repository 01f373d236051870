# METADATA
# title: Account-level S3 public access block is partial
# description: |
#   An aws_s3_account_public_access_block applies Block Public Access to
#   every bucket of the account, including buckets created later outside
#   Terraform. Each of its four settings left false or unset is a way for
#   some bucket of the account to become public. CloudFormation has no
#   equivalent: no resource type sets the account-level block (it is set
#   with the S3 Control API, outside a stack), so this check reads
#   Terraform only; ONUS-AWS-003 judges each CloudFormation bucket's own
#   PublicAccessBlockConfiguration.
# related_resources:
#   - ref: https://docs.aws.amazon.com/AmazonS3/latest/userguide/configuring-block-public-access-account.html
# custom:
#   id: ONUS-AWS-004
#   severity: high
#   category: public-access
#   layer: data-access
#   targets:
#     - kind: terraform
#       types: [aws_s3_account_public_access_block]
#   controls:
#     cis-aws: ["2.1.4"]
#     nist-800-53: ["AC-3", "AC-4", "AC-6", "AC-21", "SC-7"]
#     csa-ccm: ["DSP-17", "IAM-16"]
#     pci-dss: ["1.4.1"]
#   remediation: |
#     Set block_public_acls, block_public_policy, ignore_public_acls and
#     restrict_public_buckets to true. Buckets that must be public (rare:
#     prefer CloudFront with origin access control) belong in a separate account.
package onus.aws.s3_account_public_access_block

import data.onus.lib.aws.s3

deny contains {"msg": msg, "path": f} if {
	blk := s3.block_settings(input.resource)
	some f in s3.flags
	not blk.settings[f]
	msg := sprintf("the account-level public access block leaves %s off for every bucket of the account", [f])
}
