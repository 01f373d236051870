package onus.aws.cloudtrail_kms_test

import data.onus.aws.cloudtrail_kms
import data.onus.lib.aws.fixture as fx

test_no_key if {
	[f] := [f | some f in cloudtrail_kms.deny with input.resource as fx.tf("aws_cloudtrail", "t", {})]
	f.path == "kms_key_id"
}

test_key if {
	count(cloudtrail_kms.deny) == 0 with input.resource as fx.tf("aws_cloudtrail", "t", {"kms_key_id": "arn:aws:kms:eu-west-1:111122223333:key/abc"})
}

# A key known only after apply is absent from attrs: the finding names
# kms_key_id, which is unknown, so the engine counts it as undetermined.
test_unknown_key_points_at_itself if {
	[f] := [f | some f in cloudtrail_kms.deny with input.resource as fx.unknown(fx.tf("aws_cloudtrail", "t", {}), ["kms_key_id"])]
	f.path == "kms_key_id"
}

# A key referred to by expression is set even though its ARN is unknown.
test_referenced_key_is_set if {
	r := fx.refs(fx.unknown(fx.tf("aws_cloudtrail", "t", {}), ["kms_key_id"]), {"kms_key_id": ["m::aws_kms_key.k"]})
	count(cloudtrail_kms.deny) == 0 with input.resource as r
}

cfn_deny(r) := d if {
	d := cloudtrail_kms.deny with input.resource as r
}

test_cfn_no_key if {
	[f] := [f | some f in cfn_deny(fx.cfn("AWS::CloudTrail::Trail", "Trail", {"IsLogging": true}))]
	f.path == "KMSKeyId"
}

test_cfn_key if {
	count(cfn_deny(fx.cfn("AWS::CloudTrail::Trail", "Trail", {"KMSKeyId": "alias/trail"}))) == 0
	r := fx.refs(fx.unknown(fx.cfn("AWS::CloudTrail::Trail", "Trail", {}), ["KMSKeyId"]), {"KMSKeyId": [fx.cfn_id("Key")]})
	count(cfn_deny(r)) == 0
}
