# METADATA
# title: S3 bucket is not encrypted with a KMS key
# description: |
#   Since January 2023 S3 encrypts every new object with SSE-S3, under keys
#   AWS owns and manages. Default encryption with a KMS key (aws:kms or
#   aws:kms:dsse) adds what SSE-S3 lacks: a key policy deciding who may
#   decrypt, CloudTrail records of every use of the key, and the ability to
#   cut off access by disabling the key. A bucket with no default encryption
#   configuration (inline on a v3 aws_s3_bucket or in an
#   aws_s3_bucket_server_side_encryption_configuration referring to it) is
#   reported on the bucket; a configuration choosing AES256 on its
#   sse_algorithm. In CloudFormation the configuration is the
#   BucketEncryption of AWS::S3::Bucket, and the algorithm each rule's
#   ServerSideEncryptionByDefault.SSEAlgorithm.
# related_resources:
#   - ref: https://docs.aws.amazon.com/AmazonS3/latest/userguide/UsingKMSEncryption.html
#   - ref: https://docs.aws.amazon.com/securityhub/latest/userguide/s3-controls.html#s3-17
# custom:
#   id: ONUS-AWS-005
#   severity: low
#   category: encryption
#   layer: data-access
#   targets:
#     - kind: terraform
#       types: [aws_s3_bucket, aws_s3_bucket_server_side_encryption_configuration]
#     - kind: cloudformation
#       types: ["AWS::S3::Bucket"]
#   controls:
#     nist-800-53: ["SC-12", "SC-13", "SC-28", "SC-28(1)"]
#     csa-ccm: ["CEK-03", "CEK-04"]
#     pci-dss: ["3.5.1"]
#   remediation: |
#     Add an aws_s3_bucket_server_side_encryption_configuration with
#     sse_algorithm = "aws:kms", a customer managed kms_master_key_id and
#     bucket_key_enabled = true (S3 Bucket Keys keep the KMS request cost low).
#     In CloudFormation, set BucketEncryption.ServerSideEncryptionConfiguration
#     to a rule with SSEAlgorithm aws:kms, a KMSMasterKeyID and
#     BucketKeyEnabled true.
package onus.aws.s3_encryption

import data.onus.lib.aws.s3

deny contains {"msg": msg, "path": s3.paths.encryption[input.resource.kind]} if {
	s3.is_bucket(input.resource)
	not s3.encryption_declared(input.resource)
	msg := "S3 bucket declares no default encryption: objects get SSE-S3 under AWS-owned keys, with no key policy and no record of key use"
}

deny contains {"msg": msg, "path": e.path} if {
	some e in s3.encryption(input.resource)
	not e.algorithm in s3.kms_algorithms
	msg := sprintf("default encryption uses %q rather than a KMS key", [e.algorithm])
}
