package onus.aws.s3_encryption_test

import data.onus.aws.s3_encryption
import data.onus.lib.aws.fixture as fx

bucket := fx.tf("aws_s3_bucket", "b", {"bucket": "b"})

sse(algorithm) := fx.refs(fx.tf("aws_s3_bucket_server_side_encryption_configuration", "b", {"rule": [{"apply_server_side_encryption_by_default": [{"sse_algorithm": algorithm}]}]}), {"bucket": [bucket.id]})

deny(r, rs) := d if {
	d := s3_encryption.deny with input.resource as r with data.onus.estate as fx.estate(rs)
}

test_no_configuration if {
	[f] := [f | some f in deny(bucket, [bucket])]
	f.path == "server_side_encryption_configuration"
}

test_split_kms_configuration if {
	count(deny(bucket, [bucket, sse("aws:kms")])) == 0
	count(deny(sse("aws:kms"), [bucket, sse("aws:kms")])) == 0
}

test_split_aes256_reported_on_configuration if {
	count(deny(bucket, [bucket, sse("AES256")])) == 0
	[f] := [f | some f in deny(sse("AES256"), [bucket, sse("AES256")])]
	f.path == "rule[0].apply_server_side_encryption_by_default[0].sse_algorithm"
}

test_legacy_inline_kms if {
	b := fx.tf("aws_s3_bucket", "b", {"server_side_encryption_configuration": [{"rule": [{"apply_server_side_encryption_by_default": [{"sse_algorithm": "aws:kms:dsse"}]}]}]})
	count(deny(b, [b])) == 0
}

test_legacy_inline_aes256 if {
	b := fx.tf("aws_s3_bucket", "b", {"server_side_encryption_configuration": [{"rule": [{"apply_server_side_encryption_by_default": [{"sse_algorithm": "AES256"}]}]}]})
	[f] := [f | some f in deny(b, [b])]
	f.path == "server_side_encryption_configuration[0].rule[0].apply_server_side_encryption_by_default[0].sse_algorithm"
}

# An unknown algorithm is absent from attrs: the finding names its path, so
# the engine counts it as undetermined.
test_unknown_algorithm_points_at_itself if {
	r := fx.unknown(fx.refs(fx.tf("aws_s3_bucket_server_side_encryption_configuration", "b", {"rule": [{"apply_server_side_encryption_by_default": [{}]}]}), {"bucket": [bucket.id]}), ["rule[0].apply_server_side_encryption_by_default[0].sse_algorithm"])
	[f] := [f | some f in deny(r, [bucket, r])]
	f.path == "rule[0].apply_server_side_encryption_by_default[0].sse_algorithm"
}

# --- CloudFormation ----------------------------------------------------------

cfn_bucket(props) := fx.cfn("AWS::S3::Bucket", "B", props)

cfn_sse(algorithm) := {"BucketEncryption": {"ServerSideEncryptionConfiguration": [{"ServerSideEncryptionByDefault": {"SSEAlgorithm": algorithm}}]}}

test_cfn_no_configuration if {
	b := cfn_bucket({})
	[f] := [f | some f in deny(b, [b])]
	f.path == "BucketEncryption"
}

test_cfn_kms if {
	b := cfn_bucket(cfn_sse("aws:kms"))
	count(deny(b, [b])) == 0
}

test_cfn_aes256 if {
	b := cfn_bucket(cfn_sse("AES256"))
	[f] := [f | some f in deny(b, [b])]
	f.path == "BucketEncryption.ServerSideEncryptionConfiguration[0].ServerSideEncryptionByDefault.SSEAlgorithm"
	contains(f.msg, "AES256")
}

# An algorithm from a parameter without a value is reported on its own,
# unknown, path: undetermined.
test_cfn_unknown_algorithm if {
	b := fx.unknown(cfn_bucket({"BucketEncryption": {"ServerSideEncryptionConfiguration": [{"ServerSideEncryptionByDefault": {}}]}}), ["BucketEncryption.ServerSideEncryptionConfiguration[0].ServerSideEncryptionByDefault.SSEAlgorithm"])
	[f] := [f | some f in deny(b, [b])]
	f.path == "BucketEncryption.ServerSideEncryptionConfiguration[0].ServerSideEncryptionByDefault.SSEAlgorithm"
}
