package onus.aws.s3_access_logging_test

import data.onus.aws.s3_access_logging
import data.onus.lib.aws.fixture as fx

bucket := fx.tf("aws_s3_bucket", "b", {"bucket": "b"})

logs := fx.tf("aws_s3_bucket", "logs", {"bucket": "logs"})

logging := fx.refs(fx.tf("aws_s3_bucket_logging", "b", {"target_prefix": "b/"}), {"bucket": [bucket.id], "target_bucket": [logs.id]})

deny(r, rs) := d if {
	d := s3_access_logging.deny with input.resource as r with data.onus.estate as fx.estate(rs)
}

test_no_logging if {
	[f] := [f | some f in deny(bucket, [bucket])]
	f.path == "logging"
}

test_split_logging if {
	count(deny(bucket, [bucket, logs, logging])) == 0
}

test_log_target_not_reported if {
	count(deny(logs, [bucket, logs, logging])) == 0
}

test_legacy_logging if {
	b := fx.refs(fx.tf("aws_s3_bucket", "b", {"logging": [{"target_prefix": "b/"}]}), {"logging[0].target_bucket": [logs.id]})
	count(deny(b, [b, logs])) == 0
	count(deny(logs, [b, logs])) == 0
}

test_log_delivery_acl_not_reported if {
	b := fx.tf("aws_s3_bucket", "b", {"acl": "log-delivery-write"})
	count(deny(b, [b])) == 0
}

test_unknown_logging_points_at_itself if {
	b := fx.unknown(bucket, ["logging"])
	[f] := [f | some f in deny(b, [b])]
	f.path == "logging"
}

# --- CloudFormation ----------------------------------------------------------

cfn_bucket(name, props) := fx.cfn("AWS::S3::Bucket", name, props)

cfn_logs := cfn_bucket("Logs", {})

test_cfn_no_logging if {
	b := cfn_bucket("B", {"BucketName": "b"})
	[f] := [f | some f in deny(b, [b])]
	f.path == "LoggingConfiguration"
}

test_cfn_logging if {
	b := fx.unknown(fx.refs(cfn_bucket("B", {"LoggingConfiguration": {"LogFilePrefix": "b/"}}), {"LoggingConfiguration.DestinationBucketName": [cfn_logs.id]}), ["LoggingConfiguration.DestinationBucketName"])
	count(deny(b, [b, cfn_logs])) == 0
}

test_cfn_log_target_not_reported if {
	b := fx.refs(cfn_bucket("B", {"LoggingConfiguration": {}}), {"LoggingConfiguration.DestinationBucketName": [cfn_logs.id]})
	count(deny(cfn_logs, [b, cfn_logs])) == 0
}

test_cfn_log_delivery_acl_not_reported if {
	b := cfn_bucket("B", {"AccessControl": "LogDeliveryWrite"})
	count(deny(b, [b])) == 0
}
