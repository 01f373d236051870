# METADATA
# title: KMS key rotation is off
# description: |
#   Automatic rotation gives a customer managed key new key material every
#   year (or the rotation_period_in_days chosen), limiting how much data any
#   one version protects and how long a leaked version stays useful.
#   Rotation applies to symmetric encryption keys, the default key spec;
#   asymmetric and HMAC keys are not reported.
#   In CloudFormation the settings are EnableKeyRotation, KeySpec and
#   KeyUsage of AWS::KMS::Key; an AWS::KMS::ReplicaKey rotates with its
#   primary key and is not checked.
# related_resources:
#   - ref: https://docs.aws.amazon.com/kms/latest/developerguide/rotate-keys.html
# custom:
#   id: ONUS-AWS-039
#   severity: medium
#   category: encryption
#   layer: data-access
#   targets:
#     - kind: terraform
#       types: [aws_kms_key]
#     - kind: cloudformation
#       types: ["AWS::KMS::Key"]
#   controls:
#     cis-aws: ["3.6"]
#     nist-800-53: ["SC-12"]
#     csa-ccm: ["CEK-12"]
#     pci-dss: ["3.7.4"]
#   remediation: |
#     Set enable_key_rotation = true (and rotation_period_in_days if a
#     rotation more frequent than yearly is required).
#     In CloudFormation, set EnableKeyRotation: true.
package onus.aws.kms_rotation

import data.onus.lib.aws

names := {
	"terraform": {"rotation": "enable_key_rotation", "spec": "customer_master_key_spec", "usage": "key_usage"},
	"cloudformation": {"rotation": "EnableKeyRotation", "spec": "KeySpec", "usage": "KeyUsage"},
}[input.resource.kind]

# The key spec and usage are named too: when they are unknown the key may
# not be symmetric, and the result is undetermined.
deny contains {"msg": "automatic rotation is off for this symmetric key", "paths": [names.rotation, names.spec, names.usage]} if {
	symmetric(input.resource.attrs)
	not aws.truthy(object.get(input.resource.attrs, names.rotation, false))
}

symmetric(attrs) if {
	object.get(attrs, names.spec, "SYMMETRIC_DEFAULT") == "SYMMETRIC_DEFAULT"
	object.get(attrs, names.usage, "ENCRYPT_DECRYPT") == "ENCRYPT_DECRYPT"
}
