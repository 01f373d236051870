package onus.aws.sns_encryption_test

import data.onus.aws.sns_encryption
import data.onus.lib.aws.fixture as fx

test_plain if {
	count(sns_encryption.deny) == 1 with input.resource as fx.tf("aws_sns_topic", "t", {})
}

test_kms if {
	count(sns_encryption.deny) == 0 with input.resource as fx.tf("aws_sns_topic", "t", {"kms_master_key_id": "alias/aws/sns"})
}

test_unknown_key_points_at_itself if {
	[f] := [f | some f in sns_encryption.deny with input.resource as fx.unknown(fx.tf("aws_sns_topic", "t", {}), ["kms_master_key_id"])]
	f.path == "kms_master_key_id"
}

cfn_deny(r) := d if {
	d := sns_encryption.deny with input.resource as r
}

test_cfn_plain if {
	[f] := [f | some f in cfn_deny(fx.cfn("AWS::SNS::Topic", "Topic", {}))]
	f.path == "KmsMasterKeyId"
}

test_cfn_kms if {
	count(cfn_deny(fx.cfn("AWS::SNS::Topic", "Topic", {"KmsMasterKeyId": "alias/aws/sns"}))) == 0
	r := fx.refs(fx.unknown(fx.cfn("AWS::SNS::Topic", "Topic", {}), ["KmsMasterKeyId"]), {"KmsMasterKeyId": [fx.cfn_id("Key")]})
	count(cfn_deny(r)) == 0
}
