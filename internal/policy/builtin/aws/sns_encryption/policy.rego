# METADATA
# title: SNS topic is not encrypted
# description: |
#   SNS does not encrypt topics by default. Without kms_master_key_id the
#   messages a topic holds before delivery are stored unencrypted.
#   In CloudFormation the setting is KmsMasterKeyId of AWS::SNS::Topic.
# related_resources:
#   - ref: https://docs.aws.amazon.com/sns/latest/dg/sns-server-side-encryption.html
# custom:
#   id: ONUS-AWS-054
#   severity: medium
#   category: encryption
#   layer: data-access
#   targets:
#     - kind: terraform
#       types: [aws_sns_topic]
#     - kind: cloudformation
#       types: ["AWS::SNS::Topic"]
#   controls:
#     nist-800-53: ["SC-13", "SC-28"]
#     csa-ccm: ["CEK-03"]
#     pci-dss: ["3.5.1"]
#   remediation: |
#     Set kms_master_key_id to a customer managed key (or alias/aws/sns) whose
#     policy lets the publishing services use it.
#     In CloudFormation, set KmsMasterKeyId (alias/aws/sns, or a customer
#     managed key).
package onus.aws.sns_encryption

import data.onus.lib.aws

key := {"terraform": "kms_master_key_id", "cloudformation": "KmsMasterKeyId"}[input.resource.kind]

deny contains {"msg": "the topic's messages are not encrypted at rest", "path": key} if {
	not aws.configured(input.resource, key)
}
