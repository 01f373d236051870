package onus.aws.ebs_default_encryption_test

import data.onus.aws.ebs_default_encryption
import data.onus.lib.aws.fixture as fx

test_disabled if {
	r := fx.tf("aws_ebs_encryption_by_default", "d", {"enabled": false})
	count(ebs_default_encryption.deny) == 1 with input.resource as r
}

test_enabled_and_default if {
	count(ebs_default_encryption.deny) == 0 with input.resource as fx.tf("aws_ebs_encryption_by_default", "d", {"enabled": true})
	count(ebs_default_encryption.deny) == 0 with input.resource as fx.tf("aws_ebs_encryption_by_default", "d", {})
}

test_unknown_not_judged if {
	r := fx.unknown(fx.tf("aws_ebs_encryption_by_default", "d", {}), ["enabled"])
	count(ebs_default_encryption.deny) == 0 with input.resource as r
}
