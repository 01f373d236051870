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

cfn_deny(props) := d if {
	d := sqs_encryption.deny with input.resource as fx.cfn("AWS::SQS::Queue", "Queue", props)
}

test_cfn_off if {
	[f] := [f | some f in cfn_deny({"SqsManagedSseEnabled": false})]
	f.paths == ["SqsManagedSseEnabled", "KmsMasterKeyId"]
	count(cfn_deny({"SqsManagedSseEnabled": "false"})) == 1
}

test_cfn_default_and_kms if {
	count(cfn_deny({})) == 0
	count(cfn_deny({"SqsManagedSseEnabled": false, "KmsMasterKeyId": "alias/app"})) == 0
}
