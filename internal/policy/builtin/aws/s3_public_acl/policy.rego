# METADATA
# title: S3 bucket ACL grants public access
# description: |
#   A canned ACL of public-read, public-read-write or authenticated-read, or
#   a grant to the AllUsers or AuthenticatedUsers group, lets anyone on the
#   internet (or any AWS account) list or read, and sometimes write, the
#   bucket. The ACL is reported where it is declared: in Terraform the
#   legacy acl and grant arguments of aws_s3_bucket, or a separate
#   aws_s3_bucket_acl; in CloudFormation the AccessControl property of
#   AWS::S3::Bucket (PublicRead, PublicReadWrite, AuthenticatedRead). It is
#   not reported when a public access block of the bucket or of its account
#   (same root module) sets ignore_public_acls or block_public_acls
#   (IgnorePublicAcls, BlockPublicAcls), since S3 then ignores or refuses
#   the public grant, nor when the bucket's object ownership is
#   BucketOwnerEnforced (ACLs disabled). An ACL known only at deployment
#   is undetermined.
# related_resources:
#   - ref: https://docs.aws.amazon.com/AmazonS3/latest/userguide/acl-overview.html
#   - ref: https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html
# custom:
#   id: ONUS-AWS-001
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
#     nist-800-53: ["AC-3", "AC-4", "AC-6", "SC-7"]
#     csa-ccm: ["DSP-17", "IAM-16"]
#     pci-dss: ["1.4.1", "7.2.1"]
#   remediation: |
#     Use the private canned ACL (or disable ACLs with object ownership
#     BucketOwnerEnforced) and grant access through IAM or a bucket policy
#     naming the principals that need it. Add an aws_s3_bucket_public_access_block
#     with all four settings true (in CloudFormation, drop AccessControl and
#     set PublicAccessBlockConfiguration with all four settings true, and
#     OwnershipControls ObjectOwnership BucketOwnerEnforced).
package onus.aws.s3_public_acl

import data.onus.lib.aws.s3

deny contains result if {
	some g in s3.public_acls(input.resource)
	b := s3.bucket_or_self(input.resource)
	not s3.acls_disabled(b)
	ignored := s3.blocked(b, "ignore_public_acls")
	refused := s3.blocked(b, "block_public_acls")
	ignored != "true"
	refused != "true"
	result := {
		"msg": sprintf("the %s makes the bucket public and no public access block ignores or blocks public ACLs", [g.grant]),
		"path": g.path,
		"undetermined": "unknown" in {ignored, refused},
	}
}

# An ACL known only at deployment may be public: reported on its path,
# which makes the check undetermined.
deny contains {"msg": "the bucket ACL is known only at deployment", "path": p} if {
	some p in s3.unknown_acls(input.resource)
	b := s3.bucket_or_self(input.resource)
	not s3.acls_disabled(b)
	s3.blocked(b, "ignore_public_acls") != "true"
	s3.blocked(b, "block_public_acls") != "true"
}
