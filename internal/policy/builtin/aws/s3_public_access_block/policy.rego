# METADATA
# title: S3 bucket has no public access block, or a partial one
# description: |
#   S3 Block Public Access is the guard rail that keeps a bucket private
#   whatever its ACLs and policy later say. A bucket needs all four settings
#   (block_public_acls, block_public_policy, ignore_public_acls,
#   restrict_public_buckets) from an aws_s3_bucket_public_access_block that
#   refers to it, or from an aws_s3_account_public_access_block of the same
#   root module; in CloudFormation from the bucket's own
#   PublicAccessBlockConfiguration (BlockPublicAcls, BlockPublicPolicy,
#   IgnorePublicAcls, RestrictPublicBuckets: CloudFormation has no
#   account-level block). A bucket with no block at all is reported on the
#   bucket; a setting left false or unset in a bucket-level block is
#   reported on that setting, unless the account-level block turns it on.
# related_resources:
#   - ref: https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html
# custom:
#   id: ONUS-AWS-003
#   severity: high
#   category: public-access
#   layer: data-access
#   targets:
#     - kind: terraform
#       types: [aws_s3_bucket, aws_s3_bucket_public_access_block]
#     - kind: cloudformation
#       types: ["AWS::S3::Bucket"]
#   controls:
#     cis-aws: ["2.1.4"]
#     nist-800-53: ["AC-3", "AC-4", "AC-6", "AC-21", "SC-7"]
#     csa-ccm: ["DSP-17", "IAM-16"]
#     pci-dss: ["1.4.1"]
#   remediation: |
#     Add an aws_s3_bucket_public_access_block for the bucket with
#     block_public_acls, block_public_policy, ignore_public_acls and
#     restrict_public_buckets all set to true (or one
#     aws_s3_account_public_access_block for the whole account). In
#     CloudFormation, set the bucket's PublicAccessBlockConfiguration with
#     BlockPublicAcls, BlockPublicPolicy, IgnorePublicAcls and
#     RestrictPublicBuckets all true.
package onus.aws.s3_public_access_block

import data.onus.lib.aws.s3

# A bucket with no bucket-level block, not covered by the account.
deny contains result if {
	s3.is_bucket(input.resource)
	count(s3.bucket_blocks(input.resource)) == 0
	not s3.account_covers(input.resource)
	result := {
		"msg": "S3 bucket has no public access block: nothing stops a later ACL or bucket policy from making it public",
		"undetermined": s3.account_unknown(input.resource),
	}
}

# A bucket-level block with a setting off, not turned on by the account.
deny contains result if {
	some blk in s3.own_blocks(input.resource)
	some f in s3.flags
	not blk.settings[f]
	b := s3.bucket_or_self(input.resource)
	not account_sets(b, f)
	result := {
		"msg": sprintf("public access block leaves %s off", [s3.flag_name(input.resource, f)]),
		"path": blk.paths[f],
		"undetermined": account_unknown(b, f),
	}
}

account_sets(b, f) if {
	some blk in s3.account_blocks(b)
	blk.settings[f]
}

account_unknown(b, f) if {
	some blk in s3.account_blocks(b)
	f in blk.unknown
}

default account_unknown(_, _) := false
