package onus.aws.s3_public_acl_test

import data.onus.aws.s3_public_acl
import data.onus.lib.aws.fixture as fx

bucket := fx.tf("aws_s3_bucket", "b", {"bucket": "b"})

acl(attrs) := fx.unknown(fx.refs(fx.tf("aws_s3_bucket_acl", "b", attrs), {"bucket": [bucket.id]}), ["bucket"])

pab(attrs) := fx.refs(fx.tf("aws_s3_bucket_public_access_block", "b", attrs), {"bucket": [bucket.id]})

account(attrs) := fx.tf("aws_s3_account_public_access_block", "a", attrs)

deny(r, rs) := d if {
	d := s3_public_acl.deny with input.resource as r with data.onus.estate as fx.estate(rs)
}

test_inline_public_read if {
	r := fx.tf("aws_s3_bucket", "b", {"bucket": "b", "acl": "public-read"})
	some f in deny(r, [r])
	f.path == "acl"
	not f.undetermined
}

test_inline_grant_all_users if {
	r := fx.tf("aws_s3_bucket", "b", {"grant": [{"type": "Group", "uri": "http://acs.amazonaws.com/groups/global/AllUsers", "permissions": ["READ"]}]})
	some f in deny(r, [r])
	f.path == "grant[0].uri"
}

test_split_acl_public if {
	a := acl({"acl": "public-read-write"})
	some f in deny(a, [bucket, a])
	f.path == "acl"
}

test_split_acl_grant if {
	a := acl({"access_control_policy": [{"grant": [
		{"grantee": [{"type": "CanonicalUser", "id": "abc"}], "permission": "FULL_CONTROL"},
		{"grantee": [{"type": "Group", "uri": "http://acs.amazonaws.com/groups/global/AuthenticatedUsers"}], "permission": "READ"},
	]}]})
	some f in deny(a, [bucket, a])
	f.path == "access_control_policy[0].grant[1].grantee[0].uri"
}

test_private_acl_allowed if {
	a := acl({"acl": "private"})
	count(deny(a, [bucket, a])) == 0
}

test_block_ignores_public_acls if {
	a := acl({"acl": "public-read"})
	count(deny(a, [bucket, a, pab({"ignore_public_acls": true})])) == 0
}

test_block_refuses_public_acls if {
	a := acl({"acl": "public-read"})
	count(deny(a, [bucket, a, pab({"block_public_acls": true})])) == 0
}

test_account_block_ignores_public_acls if {
	r := fx.tf("aws_s3_bucket", "b", {"acl": "public-read"})
	count(deny(r, [r, account({"ignore_public_acls": true})])) == 0
}

test_account_block_of_other_root_module_does_not_count if {
	r := fx.tf("aws_s3_bucket", "b", {"acl": "public-read"})
	other := object.union(account({"ignore_public_acls": true}), {"id": "other::aws_s3_account_public_access_block.a"})
	count(deny(r, [r, other])) == 1
}

test_partial_block_does_not_count if {
	a := acl({"acl": "public-read"})
	count(deny(a, [bucket, a, pab({"block_public_policy": true, "restrict_public_buckets": true})])) == 1
}

# A block whose settings are unknown might neutralise the ACL: the result
# is undetermined, neither a finding nor a pass.
test_unknown_block_setting_is_undetermined if {
	a := acl({"acl": "public-read"})
	p := fx.unknown(pab({}), ["ignore_public_acls", "block_public_acls"])
	some f in deny(a, [bucket, a, p])
	f.undetermined
}

# --- CloudFormation ----------------------------------------------------------

cfn_bucket(props) := fx.cfn("AWS::S3::Bucket", "B", props)

test_cfn_public_read if {
	r := cfn_bucket({"AccessControl": "PublicRead"})
	[f] := [f | some f in deny(r, [r])]
	f.path == "AccessControl"
	contains(f.msg, "PublicRead (public-read)")
	not f.undetermined
}

test_cfn_private if {
	r := cfn_bucket({"AccessControl": "Private"})
	count(deny(r, [r])) == 0
}

test_cfn_log_delivery_is_not_public if {
	r := cfn_bucket({"AccessControl": "LogDeliveryWrite"})
	count(deny(r, [r])) == 0
}

test_cfn_ignored_by_block if {
	r := cfn_bucket({"AccessControl": "PublicReadWrite", "PublicAccessBlockConfiguration": {"IgnorePublicAcls": true}})
	count(deny(r, [r])) == 0
}

test_cfn_block_from_parameter_string if {
	r := cfn_bucket({"AccessControl": "PublicReadWrite", "PublicAccessBlockConfiguration": {"BlockPublicAcls": "true"}})
	count(deny(r, [r])) == 0
}

test_cfn_partial_block_does_not_help if {
	r := cfn_bucket({"AccessControl": "AuthenticatedRead", "PublicAccessBlockConfiguration": {"BlockPublicPolicy": true}})
	count(deny(r, [r])) == 1
}

test_cfn_acls_disabled if {
	r := cfn_bucket({"AccessControl": "PublicRead", "OwnershipControls": {"Rules": [{"ObjectOwnership": "BucketOwnerEnforced"}]}})
	count(deny(r, [r])) == 0
}

# An ACL from a parameter without a value is reported on its unknown path:
# the engine counts it undetermined, neither a finding nor a pass.
test_cfn_unknown_acl if {
	r := fx.unknown(cfn_bucket({}), ["AccessControl"])
	[f] := [f | some f in deny(r, [r])]
	f.path == "AccessControl"
}

# A block setting known only at deployment leaves the public ACL
# undetermined.
test_cfn_unknown_block_setting if {
	r := fx.unknown(cfn_bucket({"AccessControl": "PublicRead", "PublicAccessBlockConfiguration": {}}), ["PublicAccessBlockConfiguration.IgnorePublicAcls"])
	[f] := [f | some f in deny(r, [r])]
	f.undetermined
}

test_tf_acls_disabled_by_ownership_controls if {
	a := acl({"acl": "public-read"})
	oc := fx.refs(fx.tf("aws_s3_bucket_ownership_controls", "b", {"rule": [{"object_ownership": "BucketOwnerEnforced"}]}), {"bucket": [bucket.id]})
	count(deny(a, [bucket, a, oc])) == 0
}
