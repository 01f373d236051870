package onus.aws.efs_encryption_test

import data.onus.aws.efs_encryption
import data.onus.lib.aws.fixture as fx

test_plain if {
	count(efs_encryption.deny) == 1 with input.resource as fx.tf("aws_efs_file_system", "f", {})
}

test_encrypted if {
	count(efs_encryption.deny) == 0 with input.resource as fx.tf("aws_efs_file_system", "f", {"encrypted": true})
}
