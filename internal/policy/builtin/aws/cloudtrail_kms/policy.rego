# METADATA
# title: CloudTrail logs are not encrypted with a KMS key
# description: |
#   Trail files land in S3 under the bucket's default encryption. With a KMS
#   key (kms_key_id) reading them also needs kms:Decrypt on a key whose
#   policy the security team controls, so access to the log bucket alone
#   does not expose the account's activity record, and every read is itself
#   logged.
#   In CloudFormation the setting is KMSKeyId of AWS::CloudTrail::Trail.
# related_resources:
#   - ref: https://docs.aws.amazon.com/awscloudtrail/latest/userguide/encrypting-cloudtrail-log-files-with-aws-kms.html
# custom:
#   id: ONUS-AWS-037
#   severity: medium
#   category: encryption
#   layer: data-access
#   targets:
#     - kind: terraform
#       types: [aws_cloudtrail]
#     - kind: cloudformation
#       types: ["AWS::CloudTrail::Trail"]
#   controls:
#     cis-aws: ["3.5"]
#     nist-800-53: ["AU-9", "SC-13", "SC-28"]
#     csa-ccm: ["CEK-03", "LOG-09"]
#     pci-dss: ["10.3.2"]
#   remediation: |
#     Create a customer managed aws_kms_key whose policy lets CloudTrail
#     encrypt and the security team decrypt, and set kms_key_id on the trail.
#     In CloudFormation, set KMSKeyId to a key (!GetAtt Key.Arn) whose
#     policy lets CloudTrail encrypt.
package onus.aws.cloudtrail_kms

import data.onus.lib.aws.cloudtrail

deny contains {"msg": "the trail's log files are not encrypted with a KMS key", "path": k.path} if {
	k := cloudtrail.kms_key(input.resource)
	not k.set
}
