package onus.aws.s3_tls_only_test

import data.onus.aws.s3_tls_only
import data.onus.lib.aws.fixture as fx

bucket := fx.tf("aws_s3_bucket", "b", {"bucket": "b"})

deny_http := {"Effect": "Deny", "Principal": "*", "Action": "s3:*", "Resource": ["arn:aws:s3:::b", "arn:aws:s3:::b/*"], "Condition": {"Bool": {"aws:SecureTransport": "false"}}}

policy(sts) := fx.refs(fx.tf("aws_s3_bucket_policy", "b", {"policy": json.marshal({"Version": "2012-10-17", "Statement": sts})}), {"bucket": [bucket.id]})

deny(r, rs) := d if {
	d := s3_tls_only.deny with input.resource as r with data.onus.estate as fx.estate(rs)
}

test_no_policy if {
	[f] := [f | some f in deny(bucket, [bucket])]
	f.path == "policy"
	not f.undetermined
}

test_split_policy_denies_http if {
	count(deny(bucket, [bucket, policy([deny_http])])) == 0
}

test_boolean_condition_value if {
	st := object.union(deny_http, {"Condition": {"Bool": {"aws:SecureTransport": false}}})
	count(deny(bucket, [bucket, policy([st])])) == 0
}

test_legacy_inline_policy if {
	b := fx.tf("aws_s3_bucket", "b", {"policy": json.marshal({"Statement": [deny_http]})})
	count(deny(b, [b])) == 0
}

test_deny_for_one_principal_is_not_enough if {
	st := object.union(deny_http, {"Principal": {"AWS": "arn:aws:iam::111122223333:root"}})
	count(deny(bucket, [bucket, policy([st])])) == 1
}

test_allow_with_secure_transport_is_not_enough if {
	st := object.union(deny_http, {"Effect": "Allow", "Condition": {"Bool": {"aws:SecureTransport": "true"}}})
	count(deny(bucket, [bucket, policy([st])])) == 1
}

test_policy_of_another_bucket_does_not_count if {
	other := fx.tf("aws_s3_bucket", "other", {})
	p := fx.refs(policy([deny_http]), {"bucket": [other.id], "policy": [bucket.id]})
	count(deny(bucket, [bucket, other, p])) == 1
}

test_unknown_split_policy_is_undetermined if {
	p := fx.unknown(fx.refs(fx.tf("aws_s3_bucket_policy", "b", {}), {"bucket": [bucket.id]}), ["policy"])
	[f] := [f | some f in deny(bucket, [bucket, p])]
	f.undetermined
}

# --- CloudFormation ----------------------------------------------------------

cfn_bucket := fx.cfn("AWS::S3::Bucket", "B", {})

cfn_policy(sts) := fx.refs(fx.cfn("AWS::S3::BucketPolicy", "P", {"PolicyDocument": {"Version": "2012-10-17", "Statement": sts}}), {"Bucket": [cfn_bucket.id]})

test_cfn_no_policy if {
	[f] := [f | some f in deny(cfn_bucket, [cfn_bucket])]
	not f.path
	not f.undetermined
}

test_cfn_tls_denied if {
	p := cfn_policy([object.union(deny_http, {"Condition": {"Bool": {"aws:SecureTransport": false}}})])
	count(deny(cfn_bucket, [cfn_bucket, p])) == 0
}

test_cfn_policy_without_tls_statement if {
	p := cfn_policy([{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:root"}, "Action": "s3:GetObject", "Resource": "*"}])
	count(deny(cfn_bucket, [cfn_bucket, p])) == 1
}

# A statement whose principal is known only at deployment might be the
# TLS denial: the result is undetermined.
test_cfn_unknown_principal if {
	p := fx.unknown(cfn_policy([object.remove(deny_http, ["Principal"])]), ["PolicyDocument.Statement[0].Principal"])
	[f] := [f | some f in deny(cfn_bucket, [cfn_bucket, p])]
	f.undetermined
}
