# METADATA
# title: EFS file system is not encrypted
# description: |
#   An EFS file system stores its files, and its backups, unencrypted unless
#   created with encrypted = true; encryption cannot be turned on later
#   without copying the data to a new file system.
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
#   controls:
#     cis-aws: ["2.4.1"]
#     nist-800-53: ["SC-13", "SC-28", "SC-28(1)"]
#     csa-ccm: ["CEK-03"]
#     pci-dss: ["3.5.1"]
#   remediation: |
#     Set encrypted = true (with a customer managed kms_key_id where key
#     control matters).
package onus.aws.efs_encryption

deny contains {"msg": "the file system and its backups are not encrypted at rest", "path": "encrypted"} if {
	input.resource.kind == "terraform"
	object.get(input.resource.attrs, "encrypted", false) != true
}
