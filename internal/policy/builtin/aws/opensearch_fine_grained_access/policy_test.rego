package onus.aws.opensearch_fine_grained_access_test

import data.onus.aws.opensearch_fine_grained_access
import data.onus.lib.aws.fixture as fx

test_missing if {
	[f] := [f | some f in opensearch_fine_grained_access.deny with input.resource as fx.tf("aws_opensearch_domain", "d", {})]
	f.path == "advanced_security_options[0].enabled"
}

test_disabled if {
	count(opensearch_fine_grained_access.deny) == 1 with input.resource as fx.tf("aws_elasticsearch_domain", "d", {"advanced_security_options": [{"enabled": false}]})
}

test_enabled if {
	count(opensearch_fine_grained_access.deny) == 0 with input.resource as fx.tf("aws_opensearch_domain", "d", {"advanced_security_options": [{"enabled": true}]})
}

test_unknown_points_at_itself if {
	r := fx.unknown(fx.tf("aws_opensearch_domain", "d", {"advanced_security_options": [{}]}), ["advanced_security_options[0].enabled"])
	[f] := [f | some f in opensearch_fine_grained_access.deny with input.resource as r]
	f.path == "advanced_security_options[0].enabled"
}

cfn_deny(type, props) := d if {
	d := opensearch_fine_grained_access.deny with input.resource as fx.cfn(type, "Search", props)
}

test_cfn_missing if {
	[f] := [f | some f in cfn_deny("AWS::OpenSearchService::Domain", {})]
	f.path == "AdvancedSecurityOptions.Enabled"
}

test_cfn_off if {
	count(cfn_deny("AWS::Elasticsearch::Domain", {"AdvancedSecurityOptions": {"Enabled": false}})) == 1
	count(cfn_deny("AWS::OpenSearchService::Domain", {"AdvancedSecurityOptions": {"Enabled": "false"}})) == 1
}

test_cfn_on if {
	count(cfn_deny("AWS::OpenSearchService::Domain", {"AdvancedSecurityOptions": {"Enabled": true}})) == 0
	count(cfn_deny("AWS::Elasticsearch::Domain", {"AdvancedSecurityOptions": {"Enabled": "true"}})) == 0
}
