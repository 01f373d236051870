# METADATA
# title: S3 bucket ACL grants public access
# description: |
#   A bucket ACL of public-read, public-read-write or authenticated-read
#   (or a grant to the AllUsers or AuthenticatedUsers groups) lets anyone on
#   the Internet, or any AWS account, read or write the bucket. It is not
#   reported when the bucket's public access block ignores or blocks public
#   ACLs, or its object ownership is BucketOwnerEnforced (ACLs disabled).
#   One policy for every format: the facts come from
#   data.onus.lib.aws.xf.s3, which has an adapter per format (Terraform
#   aws_s3_bucket / aws_s3_bucket_acl, CloudFormation AWS::S3::Bucket);
#   the judgement below is written once.
# related_resources:
#   - ref: https://docs.aws.amazon.com/AmazonS3/latest/userguide/acl-overview.html#canned-acl
# custom:
#   id: ONUS-XF-001
#   severity: high
#   category: public-access
#   layer: data-access
#   targets:
#     - kind: terraform
#       types: [aws_s3_bucket, aws_s3_bucket_acl]
#     - kind: cloudformation
#       types: ["AWS::S3::Bucket"]
#   controls:
#     cis-aws: ["2.1.4"]
#     nist-800-53: ["AC-3", "AC-6"]
#   remediation: |
#     Use the private canned ACL (or none) and grant access with bucket
#     policies to named principals; turn on the bucket's public access block
#     (block_public_acls and ignore_public_acls in Terraform,
#     PublicAccessBlockConfiguration in CloudFormation) and set object
#     ownership to BucketOwnerEnforced.
package onus.aws_cfn_proof.s3_public_acl

import data.onus.lib.aws.xf.s3

# the bucket r configures, or r itself when that bucket is not in the scan
bucket := b if {
	b := s3.bucket(input.resource)
} else := input.resource

deny contains {"msg": msg, "path": f.path} if {
	some f in s3.acls(input.resource)
	f.acl in s3.public_canned
	not s3.acls_blocked(bucket)
	msg := sprintf("the bucket ACL %s opens the bucket beyond the account", [f.acl])
}

deny contains {"msg": msg, "path": g.path} if {
	some g in s3.grants(input.resource)
	g.grantee in s3.public_groups
	not s3.acls_blocked(bucket)
	msg := sprintf("the bucket ACL grants %s to %s", [g.permission, g.grantee])
}

# an ACL known only at deployment may be public: reported as undetermined
deny contains {"msg": "the bucket ACL is known only at deployment", "path": p} if {
	some p in s3.unknown_acl_paths(input.resource)
	not s3.acls_blocked(bucket)
}
