# METADATA
# title: SQS queue encryption is turned off
# description: |
#   New SQS queues are encrypted with SQS-managed keys (SSE-SQS) unless
#   told otherwise. A queue that sets sqs_managed_sse_enabled = false and no
#   kms_master_key_id stores its messages unencrypted at rest.
#   In CloudFormation the settings are SqsManagedSseEnabled and
#   KmsMasterKeyId of AWS::SQS::Queue.
# related_resources:
#   - ref: https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-server-side-encryption.html
# custom:
#   id: ONUS-AWS-053
#   severity: medium
#   category: encryption
#   layer: data-access
#   targets:
#     - kind: terraform
#       types: [aws_sqs_queue]
#     - kind: cloudformation
#       types: ["AWS::SQS::Queue"]
#   controls:
#     nist-800-53: ["SC-13", "SC-28"]
#     csa-ccm: ["CEK-03"]
#     pci-dss: ["3.5.1"]
#   remediation: |
#     Remove sqs_managed_sse_enabled = false, or set kms_master_key_id to a
#     customer managed key.
#     In CloudFormation, remove SqsManagedSseEnabled: false or set
#     KmsMasterKeyId.
package onus.aws.sqs_encryption

import data.onus.lib.aws

names := {
	"terraform": ["sqs_managed_sse_enabled", "kms_master_key_id"],
	"cloudformation": ["SqsManagedSseEnabled", "KmsMasterKeyId"],
}[input.resource.kind]

deny contains {"msg": "messages are stored unencrypted: SSE-SQS is turned off and no KMS key is set", "paths": names} if {
	aws.falsy(object.get(input.resource.attrs, names[0], null))
	not aws.configured(input.resource, names[1])
}
