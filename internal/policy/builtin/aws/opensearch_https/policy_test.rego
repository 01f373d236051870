package onus.aws.opensearch_https_test

import data.onus.aws.opensearch_https
import data.onus.lib.aws.fixture as fx

deny(attrs) := d if {
	d := opensearch_https.deny with input.resource as fx.tf("aws_opensearch_domain", "d", attrs)
}

test_no_options if {
	{f.path | some f in deny({})} == {"domain_endpoint_options"}
}

test_http_allowed_and_old_tls if {
	{f.path | some f in deny({"domain_endpoint_options": [{"enforce_https": false, "tls_security_policy": "Policy-Min-TLS-1-0-2019-07"}]})} == {"domain_endpoint_options[0].enforce_https", "domain_endpoint_options[0].tls_security_policy"}
}

test_enforced_by_block_default if {
	count(deny({"domain_endpoint_options": [{"custom_endpoint_enabled": false}]})) == 0
}

test_modern if {
	count(deny({"domain_endpoint_options": [{"enforce_https": true, "tls_security_policy": "Policy-Min-TLS-1-2-PFS-2023-10"}]})) == 0
}

# An unknown options block is named by its path: undetermined.
test_unknown_block_points_at_itself if {
	r := fx.unknown(fx.tf("aws_opensearch_domain", "d", {}), ["domain_endpoint_options"])
	[f] := [f | some f in opensearch_https.deny with input.resource as r]
	f.path == "domain_endpoint_options"
}

cfn_deny(props) := d if {
	d := opensearch_https.deny with input.resource as fx.cfn("AWS::OpenSearchService::Domain", "Search", props)
}

test_cfn_no_options if {
	{f.path | some f in cfn_deny({})} == {"DomainEndpointOptions"}
}

# EnforceHTTPS defaults to false in CloudFormation.
test_cfn_options_without_enforce if {
	{f.path | some f in cfn_deny({"DomainEndpointOptions": {"CustomEndpointEnabled": false}})} == {"DomainEndpointOptions.EnforceHTTPS"}
}

test_cfn_http_allowed_and_old_tls if {
	paths := {f.path | some f in cfn_deny({"DomainEndpointOptions": {"EnforceHTTPS": "false", "TLSSecurityPolicy": "Policy-Min-TLS-1-0-2019-07"}})}
	paths == {"DomainEndpointOptions.EnforceHTTPS", "DomainEndpointOptions.TLSSecurityPolicy"}
}

test_cfn_modern if {
	count(cfn_deny({"DomainEndpointOptions": {"EnforceHTTPS": true, "TLSSecurityPolicy": "Policy-Min-TLS-1-2-PFS-2023-10"}})) == 0
}
