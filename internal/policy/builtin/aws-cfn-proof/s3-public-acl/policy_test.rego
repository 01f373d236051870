package onus.aws_cfn_proof.s3_public_acl_test

import data.onus.aws_cfn_proof.s3_public_acl

empty_estate := {"resources": {}, "by_type": {}, "referrers": {}}

cfn(props) := {"id": "t.yaml#B", "kind": "cloudformation", "type": "AWS::S3::Bucket", "attrs": props, "refs": {}, "unknown": []}

tf(type, attrs, refs) := {"id": "m::x", "kind": "terraform", "type": type, "attrs": attrs, "refs": refs, "unknown": []}

test_cfn_public_read if {
	some r in s3_public_acl.deny with input.resource as cfn({"AccessControl": "PublicRead"}) with data.onus.estate as empty_estate
	r.path == "AccessControl"
	contains(r.msg, "public-read")
}

test_cfn_private if {
	count(s3_public_acl.deny) == 0 with input.resource as cfn({"AccessControl": "Private"}) with data.onus.estate as empty_estate
}

test_cfn_blocked_by_pab if {
	count(s3_public_acl.deny) == 0 with input.resource as cfn({"AccessControl": "PublicRead", "PublicAccessBlockConfiguration": {"IgnorePublicAcls": true}})
		with data.onus.estate as empty_estate
}

test_cfn_acls_disabled if {
	count(s3_public_acl.deny) == 0 with input.resource as cfn({"AccessControl": "PublicRead", "OwnershipControls": {"Rules": [{"ObjectOwnership": "BucketOwnerEnforced"}]}})
		with data.onus.estate as empty_estate
}

test_tf_inline_acl if {
	some r in s3_public_acl.deny with input.resource as tf("aws_s3_bucket", {"acl": "public-read-write"}, {}) with data.onus.estate as empty_estate
	r.path == "acl"
}

test_tf_split_acl_blocked_by_pab if {
	bucket := tf("aws_s3_bucket", {}, {})
	pab := {"id": "m::pab", "kind": "terraform", "type": "aws_s3_bucket_public_access_block", "attrs": {"ignore_public_acls": true}, "refs": {"bucket": ["m::x"]}}
	acl := {"id": "m::acl", "kind": "terraform", "type": "aws_s3_bucket_acl", "attrs": {"acl": "public-read"}, "refs": {"bucket": ["m::x"]}, "unknown": []}
	est := {"resources": {"m::x": bucket, "m::pab": pab, "m::acl": acl}, "referrers": {"m::x": ["m::pab", "m::acl"]}}
	count(s3_public_acl.deny) == 0 with input.resource as acl with data.onus.estate as est
	count(s3_public_acl.deny) == 1 with input.resource as acl with data.onus.estate as {"resources": {"m::x": bucket}, "referrers": {}}
}

test_tf_grant_all_users if {
	acl := tf("aws_s3_bucket_acl", {"access_control_policy": [{"grant": [{"grantee": [{"type": "Group", "uri": "http://acs.amazonaws.com/groups/global/AllUsers"}], "permission": "READ"}]}]}, {})
	some r in s3_public_acl.deny with input.resource as acl with data.onus.estate as empty_estate
	r.path == "access_control_policy[0].grant[0]"
}

test_unknown_acl_is_reported_for_the_engine if {
	r := object.union(cfn({}), {"unknown": ["AccessControl"]})
	some d in s3_public_acl.deny with input.resource as r with data.onus.estate as empty_estate
	d.path == "AccessControl"
}
