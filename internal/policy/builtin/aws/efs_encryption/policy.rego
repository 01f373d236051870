# METADATA
# title: EFS file system is not encrypted
# description: |
#   An EFS file system stores its files, and its backups, unencrypted unless
#   created with encrypted = true; encryption cannot be turned on later
#   without copying the data to a new file system.
#   In CloudFormation the setting is Encrypted of AWS::EFS::FileSystem.
# related_resources:
#   - ref: https://docs.aws.amazon.com/efs/latest/ug/encryption.html
# custom:
#   id: ONUS-AWS-057
#   severity: medium
#   category: encryption
#   layer: data-access
#   targets:
#     - kind: terraform
#       types: [aws_efs_file_system]
#     - kind: cloudformation
#       types: ["AWS::EFS::FileSystem"]
#   controls:
#     cis-aws: ["2.4.1"]
#     nist-800-53: ["SC-13", "SC-28", "SC-28(1)"]
#     csa-ccm: ["CEK-03"]
#     pci-dss: ["3.5.1"]
#   remediation: |
#     Set encrypted = true (with a customer managed kms_key_id where key
#     control matters).
#     In CloudFormation, set Encrypted: true (and a KmsKeyId).
package onus.aws.efs_encryption

import data.onus.lib.aws

deny contains {"msg": "the file system and its backups are not encrypted at rest", "path": s.path} if {
	s := aws.setting(input.resource, {"terraform": ["encrypted"], "cloudformation": ["Encrypted"]}, false)
	not aws.truthy(s.value)
}
