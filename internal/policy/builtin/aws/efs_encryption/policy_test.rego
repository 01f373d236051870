package onus.aws.efs_encryption_test

import data.onus.aws.efs_encryption
import data.onus.lib.aws.fixture as fx

test_plain if {
	count(efs_encryption.deny) == 1 with input.resource as fx.tf("aws_efs_file_system", "f", {})
}

test_encrypted if {
	count(efs_encryption.deny) == 0 with input.resource as fx.tf("aws_efs_file_system", "f", {"encrypted": true})
}

cfn_deny(props) := d if {
	d := efs_encryption.deny with input.resource as fx.cfn("AWS::EFS::FileSystem", "Fs", props)
}

test_cfn_plain if {
	[f] := [f | some f in cfn_deny({})]
	f.path == "Encrypted"
	count(cfn_deny({"Encrypted": "false"})) == 1
}

test_cfn_encrypted if {
	count(cfn_deny({"Encrypted": true})) == 0
	count(cfn_deny({"Encrypted": "true"})) == 0
}
