# METADATA
# title: KMS key rotation is off
# description: |
#   Automatic rotation gives a customer managed key new key material every
#   year (or the rotation_period_in_days chosen), limiting how much data any
#   one version protects and how long a leaked version stays useful.
#   Rotation applies to symmetric encryption keys, the default key spec;
#   asymmetric and HMAC keys are not reported.
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
#   controls:
#     cis-aws: ["3.6"]
#     nist-800-53: ["SC-12"]
#     csa-ccm: ["CEK-12"]
#     pci-dss: ["3.7.4"]
#   remediation: |
#     Set enable_key_rotation = true (and rotation_period_in_days if a
#     rotation more frequent than yearly is required).
package onus.aws.kms_rotation

# The key spec and usage are named too: when they are unknown the key may
# not be symmetric, and the result is undetermined.
deny contains {"msg": "automatic rotation is off for this symmetric key", "paths": ["enable_key_rotation", "customer_master_key_spec", "key_usage"]} if {
	input.resource.kind == "terraform"
	symmetric(input.resource.attrs)
	object.get(input.resource.attrs, "enable_key_rotation", false) != true
}

symmetric(attrs) if {
	object.get(attrs, "customer_master_key_spec", "SYMMETRIC_DEFAULT") == "SYMMETRIC_DEFAULT"
	object.get(attrs, "key_usage", "ENCRYPT_DECRYPT") == "ENCRYPT_DECRYPT"
}
