# METADATA
# title: S3 bucket access logging is not enabled
# description: |
#   Server access logs record every request made to a bucket: who read or
#   wrote which object, from where. Without them a data leak cannot be
#   scoped. Logging is enabled by the legacy logging block of a v3
#   aws_s3_bucket or by an aws_s3_bucket_logging referring to the bucket.
#   Buckets that receive other buckets' access logs (the target_bucket of a
#   logging configuration, or a bucket with the log-delivery-write ACL) are
#   not reported: logging a log bucket into itself loops. In CloudFormation
#   logging is the LoggingConfiguration of AWS::S3::Bucket, and a bucket
#   another bucket's LoggingConfiguration.DestinationBucketName refers to,
#   or with the LogDeliveryWrite access control, is a log bucket.
# related_resources:
#   - ref: https://docs.aws.amazon.com/AmazonS3/latest/userguide/ServerLogs.html
# custom:
#   id: ONUS-AWS-007
#   severity: low
#   category: logging
#   layer: data-access
#   targets:
#     - kind: terraform
#       types: [aws_s3_bucket]
#     - kind: cloudformation
#       types: ["AWS::S3::Bucket"]
#   controls:
#     nist-800-53: ["AU-2", "AU-3", "AU-12"]
#     csa-ccm: ["LOG-08"]
#     pci-dss: ["10.2.1"]
#   remediation: |
#     Add an aws_s3_bucket_logging for the bucket with a target_bucket
#     dedicated to access logs (itself private, versioned and not logged).
#     In CloudFormation, set the bucket's LoggingConfiguration with a
#     DestinationBucketName and a LogFilePrefix.
package onus.aws.s3_access_logging

import data.onus.lib.aws.s3

deny contains {"msg": "S3 bucket has no server access logging: requests to its objects leave no record", "path": s3.paths.logging[input.resource.kind]} if {
	s3.is_bucket(input.resource)
	not s3.logging_declared(input.resource)
	not s3.log_target(input.resource)
}
