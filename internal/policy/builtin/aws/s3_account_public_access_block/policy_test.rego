package onus.aws.s3_account_public_access_block_test

import data.onus.aws.s3_account_public_access_block
import data.onus.lib.aws.fixture as fx

test_partial if {
	r := fx.tf("aws_s3_account_public_access_block", "a", {"block_public_acls": true, "block_public_policy": true, "ignore_public_acls": false})
	paths := {f.path | some f in s3_account_public_access_block.deny with input.resource as r}
	paths == {"ignore_public_acls", "restrict_public_buckets"}
}

test_complete if {
	r := fx.tf("aws_s3_account_public_access_block", "a", {"block_public_acls": true, "block_public_policy": true, "ignore_public_acls": true, "restrict_public_buckets": true})
	count(s3_account_public_access_block.deny) == 0 with input.resource as r
}

test_unknown_setting_points_at_itself if {
	r := fx.unknown(fx.tf("aws_s3_account_public_access_block", "a", {"block_public_acls": true, "block_public_policy": true, "ignore_public_acls": true}), ["restrict_public_buckets"])
	[f] := [f | some f in s3_account_public_access_block.deny with input.resource as r]
	f.path == "restrict_public_buckets"
}
