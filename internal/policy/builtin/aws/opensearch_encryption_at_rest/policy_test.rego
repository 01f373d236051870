package onus.aws.opensearch_encryption_at_rest_test

import data.onus.aws.opensearch_encryption_at_rest
import data.onus.lib.aws.fixture as fx

test_missing if {
	[f] := [f | some f in opensearch_encryption_at_rest.deny with input.resource as fx.tf("aws_opensearch_domain", "d", {})]
	f.path == "encrypt_at_rest[0].enabled"
}

test_disabled if {
	count(opensearch_encryption_at_rest.deny) == 1 with input.resource as fx.tf("aws_elasticsearch_domain", "d", {"encrypt_at_rest": [{"enabled": false}]})
}

test_enabled if {
	count(opensearch_encryption_at_rest.deny) == 0 with input.resource as fx.tf("aws_opensearch_domain", "d", {"encrypt_at_rest": [{"enabled": true}]})
}

test_unknown_points_at_itself if {
	r := fx.unknown(fx.tf("aws_opensearch_domain", "d", {"encrypt_at_rest": [{}]}), ["encrypt_at_rest[0].enabled"])
	[f] := [f | some f in opensearch_encryption_at_rest.deny with input.resource as r]
	f.path == "encrypt_at_rest[0].enabled"
}

cfn_deny(type, props) := d if {
	d := opensearch_encryption_at_rest.deny with input.resource as fx.cfn(type, "Search", props)
}

test_cfn_missing if {
	[f] := [f | some f in cfn_deny("AWS::OpenSearchService::Domain", {})]
	f.path == "EncryptionAtRestOptions.Enabled"
}

test_cfn_off if {
	count(cfn_deny("AWS::Elasticsearch::Domain", {"EncryptionAtRestOptions": {"Enabled": false}})) == 1
	count(cfn_deny("AWS::OpenSearchService::Domain", {"EncryptionAtRestOptions": {"Enabled": "false"}})) == 1
}

test_cfn_on if {
	count(cfn_deny("AWS::OpenSearchService::Domain", {"EncryptionAtRestOptions": {"Enabled": true}})) == 0
	count(cfn_deny("AWS::Elasticsearch::Domain", {"EncryptionAtRestOptions": {"Enabled": "true"}})) == 0
}
