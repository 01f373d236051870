# METADATA
# title: S3 bucket versioning is not enabled
# description: |
#   Without versioning an overwritten or deleted object is gone: an
#   accident, a compromised credential or ransomware that rewrites objects
#   destroys the data for good. Versioning is enabled by the legacy
#   versioning block of a v3 aws_s3_bucket or by an aws_s3_bucket_versioning
#   referring to the bucket with status "Enabled". A bucket with neither is
#   reported on the bucket; a configuration that suspends or disables
#   versioning on its status. In CloudFormation versioning is the
#   VersioningConfiguration.Status of AWS::S3::Bucket.
# related_resources:
#   - ref: https://docs.aws.amazon.com/AmazonS3/latest/userguide/Versioning.html
# custom:
#   id: ONUS-AWS-006
#   severity: medium
#   category: resilience
#   layer: data-access
#   targets:
#     - kind: terraform
#       types: [aws_s3_bucket, aws_s3_bucket_versioning]
#     - kind: cloudformation
#       types: ["AWS::S3::Bucket"]
#   controls:
#     nist-800-53: ["CP-9", "CP-10", "SI-12"]
#     csa-ccm: ["BCR-08"]
#   remediation: |
#     Add an aws_s3_bucket_versioning for the bucket with
#     versioning_configuration { status = "Enabled" }, and a lifecycle rule
#     expiring noncurrent versions to bound the cost. In CloudFormation,
#     set VersioningConfiguration.Status to Enabled on the bucket.
package onus.aws.s3_versioning

import data.onus.lib.aws.s3

deny contains {"msg": "S3 bucket has no versioning: overwritten or deleted objects cannot be recovered", "path": s3.paths.versioning[input.resource.kind]} if {
	s3.is_bucket(input.resource)
	not s3.versioning_declared(input.resource)
}

deny contains {"msg": "S3 bucket versioning is not enabled", "path": v.path} if {
	some v in s3.versioning(input.resource)
	not v.enabled
}
