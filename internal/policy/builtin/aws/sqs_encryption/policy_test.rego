package onus.aws.sqs_encryption_test

import data.onus.aws.sqs_encryption
import data.onus.lib.aws.fixture as fx

test_off if {
	count(sqs_encryption.deny) == 1 with input.resource as fx.tf("aws_sqs_queue", "q", {"sqs_managed_sse_enabled": false})
}

test_default_and_kms if {
	count(sqs_encryption.deny) == 0 with input.resource as fx.tf("aws_sqs_queue", "q", {})
	count(sqs_encryption.deny) == 0 with input.resource as fx.tf("aws_sqs_queue", "q", {"sqs_managed_sse_enabled": false, "kms_master_key_id": "alias/app"})
}
