package onus.aws.s3_versioning_test

import data.onus.aws.s3_versioning
import data.onus.lib.aws.fixture as fx

bucket := fx.tf("aws_s3_bucket", "b", {"bucket": "b"})

versioning(status) := fx.refs(fx.tf("aws_s3_bucket_versioning", "b", {"versioning_configuration": [{"status": status}]}), {"bucket": [bucket.id]})

deny(r, rs) := d if {
	d := s3_versioning.deny with input.resource as r with data.onus.estate as fx.estate(rs)
}

test_no_versioning if {
	[f] := [f | some f in deny(bucket, [bucket])]
	f.path == "versioning"
}

test_split_enabled if {
	v := versioning("Enabled")
	count(deny(bucket, [bucket, v])) == 0
	count(deny(v, [bucket, v])) == 0
}

test_split_suspended if {
	v := versioning("Suspended")
	count(deny(bucket, [bucket, v])) == 0
	[f] := [f | some f in deny(v, [bucket, v])]
	f.path == "versioning_configuration[0].status"
}

test_legacy_enabled if {
	b := fx.tf("aws_s3_bucket", "b", {"versioning": [{"enabled": true}]})
	count(deny(b, [b])) == 0
}

test_legacy_disabled if {
	b := fx.tf("aws_s3_bucket", "b", {"versioning": [{"enabled": false}]})
	[f] := [f | some f in deny(b, [b])]
	f.path == "versioning[0].enabled"
}

test_unknown_status_points_at_itself if {
	v := fx.unknown(fx.refs(fx.tf("aws_s3_bucket_versioning", "b", {"versioning_configuration": [{}]}), {"bucket": [bucket.id]}), ["versioning_configuration[0].status"])
	[f] := [f | some f in deny(v, [bucket, v])]
	f.path == "versioning_configuration[0].status"
}

# --- CloudFormation ----------------------------------------------------------

cfn_bucket(props) := fx.cfn("AWS::S3::Bucket", "B", props)

test_cfn_no_versioning if {
	b := cfn_bucket({})
	[f] := [f | some f in deny(b, [b])]
	f.path == "VersioningConfiguration"
}

test_cfn_enabled if {
	b := cfn_bucket({"VersioningConfiguration": {"Status": "Enabled"}})
	count(deny(b, [b])) == 0
}

test_cfn_suspended if {
	b := cfn_bucket({"VersioningConfiguration": {"Status": "Suspended"}})
	[f] := [f | some f in deny(b, [b])]
	f.path == "VersioningConfiguration.Status"
}
