package onus.aws.kms_rotation_test

import data.onus.aws.kms_rotation
import data.onus.lib.aws.fixture as fx

test_off if {
	[f] := [f | some f in kms_rotation.deny with input.resource as fx.tf("aws_kms_key", "k", {})]
	f.paths[0] == "enable_key_rotation"
}

test_on if {
	count(kms_rotation.deny) == 0 with input.resource as fx.tf("aws_kms_key", "k", {"enable_key_rotation": true})
}

test_asymmetric_not_reported if {
	count(kms_rotation.deny) == 0 with input.resource as fx.tf("aws_kms_key", "k", {"customer_master_key_spec": "RSA_2048", "key_usage": "SIGN_VERIFY"})
	count(kms_rotation.deny) == 0 with input.resource as fx.tf("aws_kms_key", "k", {"customer_master_key_spec": "HMAC_256", "key_usage": "GENERATE_VERIFY_MAC"})
}

# An unknown key spec is absent, so the key looks symmetric: the result
# names the spec as well, and the engine counts it as undetermined.
test_unknown_spec_is_named if {
	[f] := [f | some f in kms_rotation.deny with input.resource as fx.unknown(fx.tf("aws_kms_key", "k", {}), ["customer_master_key_spec"])]
	"customer_master_key_spec" in f.paths
}

cfn_deny(props) := d if {
	d := kms_rotation.deny with input.resource as fx.cfn("AWS::KMS::Key", "Key", props)
}

test_cfn_off if {
	[f] := [f | some f in cfn_deny({})]
	f.paths == ["EnableKeyRotation", "KeySpec", "KeyUsage"]
	count(cfn_deny({"EnableKeyRotation": "false"})) == 1
}

test_cfn_on if {
	count(cfn_deny({"EnableKeyRotation": true})) == 0
	count(cfn_deny({"EnableKeyRotation": "true"})) == 0
}

test_cfn_asymmetric_not_reported if {
	count(cfn_deny({"KeySpec": "ECC_NIST_P256", "KeyUsage": "SIGN_VERIFY"})) == 0
}
