# METADATA
# title: EBS volume is not encrypted
# description: |
#   An unencrypted EBS volume, and every snapshot taken from it, holds the
#   instance's data in clear: anyone who can share or copy a snapshot can
#   read it. Checked on aws_ebs_volume, on the root and EBS block devices of
#   aws_instance and aws_launch_configuration, and on the EBS mappings of
#   aws_launch_template. A volume is encrypted when it says so, when it is
#   restored from a snapshot (it inherits the snapshot's encryption), or
#   when an aws_ebs_encryption_by_default of the same root module turns
#   encryption on for the account and region. In CloudFormation: Encrypted
#   of AWS::EC2::Volume, and the Ebs.Encrypted of each BlockDeviceMappings
#   item of AWS::EC2::Instance, AWS::AutoScaling::LaunchConfiguration and
#   AWS::EC2::LaunchTemplate (LaunchTemplateData); an instance or launch
#   configuration with no block device mapping gets its root volume from
#   the image, unencrypted, and is reported on the resource. CloudFormation
#   cannot turn on encryption by default for the account.
# related_resources:
#   - ref: https://docs.aws.amazon.com/ebs/latest/userguide/ebs-encryption.html
# custom:
#   id: ONUS-AWS-011
#   severity: medium
#   category: encryption
#   layer: data-access
#   targets:
#     - kind: terraform
#       types: [aws_ebs_volume, aws_instance, aws_launch_template, aws_launch_configuration]
#     - kind: cloudformation
#       types: ["AWS::EC2::Volume", "AWS::EC2::Instance", "AWS::EC2::LaunchTemplate", "AWS::AutoScaling::LaunchConfiguration"]
#   controls:
#     nist-800-53: ["SC-13", "SC-28", "SC-28(1)"]
#     csa-ccm: ["CEK-03"]
#     pci-dss: ["3.5.1"]
#   remediation: |
#     Set encrypted = true (with a customer managed kms_key_id where key
#     control matters), or turn on aws_ebs_encryption_by_default for the
#     account and region so every new volume is encrypted. In CloudFormation,
#     set Encrypted: true on the volume or on each block device mapping's Ebs.
package onus.aws.ebs_encryption

import data.onus.lib.aws.ec2

deny contains result if {
	some v in ec2.volumes(input.resource)
	not v.encrypted
	not v.from_snapshot
	default_on := ec2.default_encryption(input.resource)
	default_on != "true"
	result := {
		"msg": sprintf("%s: EBS volume is not encrypted and the account does not encrypt new volumes by default", [input.resource.type]),
		"paths": array.concat([v.path], [p | p := v.snapshot_path]),
		"undetermined": default_on == "unknown",
	}
}
