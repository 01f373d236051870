package onus.aws.s3_public_access_block_test

import data.onus.aws.s3_public_access_block
import data.onus.lib.aws.fixture as fx

bucket := fx.tf("aws_s3_bucket", "b", {"bucket": "b"})

all_on := {"block_public_acls": true, "block_public_policy": true, "ignore_public_acls": true, "restrict_public_buckets": true}

pab(attrs) := fx.unknown(fx.refs(fx.tf("aws_s3_bucket_public_access_block", "b", attrs), {"bucket": [bucket.id]}), ["bucket"])

account(attrs) := fx.tf("aws_s3_account_public_access_block", "a", attrs)

deny(r, rs) := d if {
	d := s3_public_access_block.deny with input.resource as r with data.onus.estate as fx.estate(rs)
}

test_bucket_without_block if {
	[f] := [f | some f in deny(bucket, [bucket])]
	not f.path
	not f.undetermined
}

test_bucket_with_full_block if {
	count(deny(bucket, [bucket, pab(all_on)])) == 0
}

# A partial block protects the bucket from "no block" but its missing
# settings are reported on the block itself.
test_bucket_with_partial_block if {
	count(deny(bucket, [bucket, pab({"block_public_acls": true})])) == 0
}

test_partial_block_reports_each_missing_setting if {
	p := pab({"block_public_acls": true, "block_public_policy": false})
	paths := {f.path | some f in deny(p, [bucket, p])}
	paths == {"block_public_policy", "ignore_public_acls", "restrict_public_buckets"}
}

test_account_block_covers_bucket if {
	count(deny(bucket, [bucket, account(all_on)])) == 0
}

test_partial_account_block_does_not_cover if {
	count(deny(bucket, [bucket, account({"block_public_acls": true})])) == 1
}

test_account_block_fills_bucket_block if {
	p := pab({"block_public_acls": true, "block_public_policy": true})
	a := account({"ignore_public_acls": true, "restrict_public_buckets": true})
	count(deny(p, [bucket, p, a])) == 0
}

test_unknown_account_block_is_undetermined if {
	a := fx.unknown(account({}), ["block_public_acls", "block_public_policy", "ignore_public_acls", "restrict_public_buckets"])
	[f] := [f | some f in deny(bucket, [bucket, a])]
	f.undetermined
}

# A setting whose value is unknown is reported on its unknown path, which the
# engine counts as undetermined rather than as a finding.
test_unknown_setting_points_at_itself if {
	p := fx.unknown(pab(object.remove(all_on, ["ignore_public_acls"])), ["ignore_public_acls"])
	[f] := [f | some f in deny(p, [bucket, p])]
	f.path == "ignore_public_acls"
}

# --- CloudFormation ----------------------------------------------------------

cfn_bucket(props) := fx.cfn("AWS::S3::Bucket", "B", props)

cfn_all_on := {"BlockPublicAcls": true, "BlockPublicPolicy": true, "IgnorePublicAcls": true, "RestrictPublicBuckets": true}

test_cfn_bucket_without_block if {
	r := cfn_bucket({"BucketName": "b"})
	[f] := [f | some f in deny(r, [r])]
	not f.path
}

test_cfn_bucket_with_full_block if {
	r := cfn_bucket({"PublicAccessBlockConfiguration": cfn_all_on})
	count(deny(r, [r])) == 0
}

test_cfn_block_settings_as_strings if {
	r := cfn_bucket({"PublicAccessBlockConfiguration": {k: "true" | some k, _ in cfn_all_on}})
	count(deny(r, [r])) == 0
}

test_cfn_partial_block if {
	r := cfn_bucket({"PublicAccessBlockConfiguration": {"BlockPublicAcls": true, "IgnorePublicAcls": true, "BlockPublicPolicy": false}})
	{f.path | some f in deny(r, [r])} == {"PublicAccessBlockConfiguration.BlockPublicPolicy", "PublicAccessBlockConfiguration.RestrictPublicBuckets"}
	some f in deny(r, [r])
	contains(f.msg, "RestrictPublicBuckets")
}

# A block known only at deployment (a condition on a parameter without a
# value) is reported on its unknown settings: undetermined.
test_cfn_unknown_block if {
	r := fx.unknown(cfn_bucket({}), ["PublicAccessBlockConfiguration"])
	count(deny(r, [r])) == 4
	every f in deny(r, [r]) {
		startswith(f.path, "PublicAccessBlockConfiguration.")
	}
}
