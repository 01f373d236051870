package onus.aws.opensearch_node_to_node_test

import data.onus.aws.opensearch_node_to_node
import data.onus.lib.aws.fixture as fx

test_missing if {
	[f] := [f | some f in opensearch_node_to_node.deny with input.resource as fx.tf("aws_opensearch_domain", "d", {})]
	f.path == "node_to_node_encryption[0].enabled"
}

test_disabled if {
	count(opensearch_node_to_node.deny) == 1 with input.resource as fx.tf("aws_elasticsearch_domain", "d", {"node_to_node_encryption": [{"enabled": false}]})
}

test_enabled if {
	count(opensearch_node_to_node.deny) == 0 with input.resource as fx.tf("aws_opensearch_domain", "d", {"node_to_node_encryption": [{"enabled": true}]})
}

test_unknown_points_at_itself if {
	r := fx.unknown(fx.tf("aws_opensearch_domain", "d", {"node_to_node_encryption": [{}]}), ["node_to_node_encryption[0].enabled"])
	[f] := [f | some f in opensearch_node_to_node.deny with input.resource as r]
	f.path == "node_to_node_encryption[0].enabled"
}

cfn_deny(type, props) := d if {
	d := opensearch_node_to_node.deny with input.resource as fx.cfn(type, "Search", props)
}

test_cfn_missing if {
	[f] := [f | some f in cfn_deny("AWS::OpenSearchService::Domain", {})]
	f.path == "NodeToNodeEncryptionOptions.Enabled"
}

test_cfn_off if {
	count(cfn_deny("AWS::Elasticsearch::Domain", {"NodeToNodeEncryptionOptions": {"Enabled": false}})) == 1
	count(cfn_deny("AWS::OpenSearchService::Domain", {"NodeToNodeEncryptionOptions": {"Enabled": "false"}})) == 1
}

test_cfn_on if {
	count(cfn_deny("AWS::OpenSearchService::Domain", {"NodeToNodeEncryptionOptions": {"Enabled": true}})) == 0
	count(cfn_deny("AWS::Elasticsearch::Domain", {"NodeToNodeEncryptionOptions": {"Enabled": "true"}})) == 0
}
