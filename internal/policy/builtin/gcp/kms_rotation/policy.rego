# METADATA
# title: Cloud KMS key is not rotated within 90 days
# description: |
#   Automatic rotation gives a symmetric key a new primary version on a
#   schedule, limiting how much data any one version protects and how long
#   a leaked version stays useful. A google_kms_crypto_key with purpose
#   ENCRYPT_DECRYPT (the default) is reported when it has no
#   rotation_period, or one longer than the limit (90 days by default).
#   Asymmetric and MAC keys cannot rotate automatically and are not
#   reported.
# related_resources:
#   - ref: https://cloud.google.com/kms/docs/key-rotation
# custom:
#   id: ONUS-GCP-023
#   severity: medium
#   category: encryption
#   layer: data-access
#   targets:
#     - kind: terraform
#       types: [google_kms_crypto_key]
#   controls:
#     cis-gcp: ["1.10"]
#     nist-800-53: ["SC-12"]
#     csa-ccm: ["CEK-12"]
#   params:
#     max_days: {default: 90, description: longest acceptable rotation period in days}
#   remediation: |
#     Set rotation_period = "7776000s" (90 days) or shorter on the key.
package onus.gcp.kms_rotation

attrs := input.resource.attrs

symmetric if object.get(attrs, "purpose", "ENCRYPT_DECRYPT") == "ENCRYPT_DECRYPT"

deny contains {"msg": "the key has no rotation period: it is never rotated", "paths": ["rotation_period", "purpose"]} if {
	symmetric
	not "rotation_period" in object.keys(attrs)
}

deny contains {"msg": sprintf("the key rotates every %s, more than %d days", [attrs.rotation_period, input.params.max_days]), "paths": ["rotation_period", "purpose"]} if {
	symmetric
	seconds(attrs.rotation_period) > input.params.max_days * 86400
}

# seconds reads a duration in the form the API takes ("7776000s").
seconds(d) := to_number(trim_suffix(d, "s")) if {
	is_string(d)
	endswith(d, "s")
	regex.match(`^[0-9]+(\.[0-9]+)?s$`, d)
}
