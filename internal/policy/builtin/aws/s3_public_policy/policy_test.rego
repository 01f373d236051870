package onus.aws.s3_public_policy_test

import data.onus.aws.s3_public_policy
import data.onus.lib.aws.fixture as fx

bucket := fx.tf("aws_s3_bucket", "b", {"bucket": "b"})

policy(doc) := fx.refs(fx.tf("aws_s3_bucket_policy", "b", {"policy": json.marshal(doc)}), {"bucket": [bucket.id]})

deny(r, rs) := d if {
	d := s3_public_policy.deny with input.resource as r with data.onus.estate as fx.estate(rs)
}

doc(st) := {"Version": "2012-10-17", "Statement": [st]}

public_read := {"Sid": "Public", "Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*"}

test_public_principal_string if {
	p := policy(doc(public_read))
	some f in deny(p, [bucket, p])
	f.path == "policy"
	contains(f.msg, `statement "Public"`)
}

test_public_aws_principal_list if {
	p := policy(doc(object.union(public_read, {"Principal": {"AWS": ["arn:aws:iam::111122223333:root", "*"]}})))
	count(deny(p, [bucket, p])) == 1
}

test_single_statement_object if {
	p := policy({"Statement": public_read})
	count(deny(p, [bucket, p])) == 1
}

test_inline_legacy_policy if {
	b := fx.tf("aws_s3_bucket", "b", {"policy": json.marshal(doc(public_read))})
	some f in deny(b, [b])
	f.path == "policy"
}

test_source_vpce_condition_restricts if {
	st := object.union(public_read, {"Condition": {"StringEquals": {"aws:SourceVpce": "vpce-1a2b3c4d"}}})
	p := policy(doc(st))
	count(deny(p, [bucket, p])) == 0
}

test_org_condition_restricts if {
	st := object.union(public_read, {"Condition": {"StringEquals": {"aws:PrincipalOrgID": ["o-abc123"]}}})
	p := policy(doc(st))
	count(deny(p, [bucket, p])) == 0
}

test_negated_condition_does_not_restrict if {
	st := object.union(public_read, {"Condition": {"StringNotEquals": {"aws:SourceVpce": "vpce-1a2b3c4d"}}})
	p := policy(doc(st))
	count(deny(p, [bucket, p])) == 1
}

test_wildcard_source_ip_does_not_restrict if {
	st := object.union(public_read, {"Condition": {"IpAddress": {"aws:SourceIp": ["0.0.0.0/0"]}}})
	p := policy(doc(st))
	count(deny(p, [bucket, p])) == 1
}

test_secure_transport_does_not_restrict if {
	st := object.union(public_read, {"Condition": {"Bool": {"aws:SecureTransport": "true"}}})
	p := policy(doc(st))
	count(deny(p, [bucket, p])) == 1
}

test_named_principal_allowed if {
	p := policy(doc(object.union(public_read, {"Principal": {"AWS": "arn:aws:iam::111122223333:role/reader"}})))
	count(deny(p, [bucket, p])) == 0
}

test_public_deny_allowed if {
	p := policy(doc(object.union(public_read, {"Effect": "Deny"})))
	count(deny(p, [bucket, p])) == 0
}

test_restrict_public_buckets_neutralises if {
	p := policy(doc(public_read))
	pab := fx.refs(fx.tf("aws_s3_bucket_public_access_block", "b", {"restrict_public_buckets": true}), {"bucket": [bucket.id]})
	count(deny(p, [bucket, p, pab])) == 0
}

test_unknown_block_is_undetermined if {
	p := policy(doc(public_read))
	pab := fx.unknown(fx.refs(fx.tf("aws_s3_bucket_public_access_block", "b", {}), {"bucket": [bucket.id]}), ["restrict_public_buckets"])
	some f in deny(p, [bucket, p, pab])
	f.undetermined
}

# An unknown policy document is reported on its own (unknown) path, which
# the engine counts as undetermined.
test_unknown_policy_document if {
	p := fx.unknown(fx.refs(fx.tf("aws_s3_bucket_policy", "b", {}), {"bucket": [bucket.id]}), ["policy"])
	[f] := [f | some f in deny(p, [bucket, p])]
	f.path == "policy"
}

# --- CloudFormation ----------------------------------------------------------

cfn_bucket(props) := fx.cfn("AWS::S3::Bucket", "B", props)

cfn_policy(b, sts) := fx.refs(fx.cfn("AWS::S3::BucketPolicy", "P", {"Bucket": "b", "PolicyDocument": {"Version": "2012-10-17", "Statement": sts}}), {"Bucket": [b.id]})

test_cfn_public_statement if {
	b := cfn_bucket({})
	p := cfn_policy(b, [{"Effect": "Allow", "Principal": "*", "Action": ["s3:GetObject"], "Resource": "*"}, public_read])
	fs := deny(p, [b, p])
	count(fs) == 2
	some f in fs
	f.path == "PolicyDocument.Statement[1]"
	contains(f.msg, "\"Public\"")
	not f.undetermined
}

test_cfn_restricted_by_condition if {
	b := cfn_bucket({})
	p := cfn_policy(b, [object.union(public_read, {"Condition": {"StringEquals": {"aws:SourceVpce": "vpce-1a2b3c"}}})])
	count(deny(p, [b, p])) == 0
}

test_cfn_bucket_block_neutralises if {
	b := cfn_bucket({"PublicAccessBlockConfiguration": {"RestrictPublicBuckets": true}})
	p := cfn_policy(b, [public_read])
	count(deny(p, [b, p])) == 0
}

# A condition value from a parameter without a value may restrict the
# statement: the public statement is undetermined.
test_cfn_unknown_condition_value if {
	b := cfn_bucket({})
	p := fx.unknown(cfn_policy(b, [object.union(public_read, {"Condition": {"StringEquals": {}}})]), ["PolicyDocument.Statement[0].Condition.StringEquals.aws:SourceVpce"])
	[f] := [f | some f in deny(p, [b, p])]
	f.undetermined
}

# A principal known only at deployment might be "*": reported on its path.
test_cfn_unknown_principal if {
	b := cfn_bucket({})
	p := fx.unknown(cfn_policy(b, [object.remove(public_read, ["Principal"])]), ["PolicyDocument.Statement[0].Principal"])
	[f] := [f | some f in deny(p, [b, p])]
	f.path == "PolicyDocument.Statement[0].Principal"
}

# A service principal narrowed by a condition known only at deployment
# (CloudFront origin access control) is not in doubt.
test_cfn_service_principal_with_unknown_condition if {
	b := cfn_bucket({})
	p := fx.unknown(cfn_policy(b, [{"Effect": "Allow", "Principal": {"Service": "cloudfront.amazonaws.com"}, "Action": "s3:GetObject", "Resource": "*", "Condition": {"StringEquals": {}}}]), ["PolicyDocument.Statement[0].Condition.StringEquals.AWS:SourceArn"])
	count(deny(p, [b, p])) == 0
}
