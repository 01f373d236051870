# METADATA
# title: Bucket is bad
# custom:
#   id: ACME-AWS-001
#   severity: low
#   category: configuration
#   layer: data-access
#   targets:
#     - kind: terraform
#       types: [aws_s3_bucket]
#   remediation: Fix it.
package acme.aws.bucket

deny contains "x" if input.resource.attrs.bad
