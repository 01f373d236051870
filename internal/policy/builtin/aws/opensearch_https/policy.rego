# METADATA
# title: OpenSearch domain does not enforce HTTPS with TLS 1.2
# description: |
#   Without domain_endpoint_options.enforce_https the domain answers plain
#   HTTP, so queries, documents and the credentials or signatures that
#   authorise them cross the network in clear. The Policy-Min-TLS-1-0-2019-07
#   TLS policy still accepts TLS 1.0 and 1.1. A domain that declares no
#   domain_endpoint_options keeps the service default, which does not
#   enforce HTTPS. Checked on aws_opensearch_domain and
#   aws_elasticsearch_domain.
#   In CloudFormation the options are DomainEndpointOptions (EnforceHTTPS,
#   TLSSecurityPolicy) of AWS::OpenSearchService::Domain and
#   AWS::Elasticsearch::Domain; EnforceHTTPS defaults to false there, as in
#   the API.
# related_resources:
#   - ref: https://docs.aws.amazon.com/opensearch-service/latest/developerguide/infrastructure-security.html
# custom:
#   id: ONUS-AWS-047
#   severity: medium
#   category: encryption
#   layer: network
#   targets:
#     - kind: terraform
#       types: [aws_opensearch_domain, aws_elasticsearch_domain]
#     - kind: cloudformation
#       types: ["AWS::OpenSearchService::Domain", "AWS::Elasticsearch::Domain"]
#   controls:
#     nist-800-53: ["SC-8", "SC-8(1)", "SC-13"]
#     csa-ccm: ["CEK-03", "DSP-10"]
#     pci-dss: ["4.2.1"]
#   remediation: |
#     Set domain_endpoint_options { enforce_https = true,
#     tls_security_policy = "Policy-Min-TLS-1-2-2019-07" } (or a newer
#     TLS 1.2 policy).
#     In CloudFormation, set DomainEndpointOptions with EnforceHTTPS: true
#     and TLSSecurityPolicy: Policy-Min-TLS-1-2-PFS-2023-10.
package onus.aws.opensearch_https

import data.onus.lib.aws.opensearch

deny contains {"msg": "the domain declares no endpoint options: HTTPS is not enforced", "path": e.declared_path} if {
	e := opensearch.endpoint(input.resource)
	not e.declared
}

deny contains {"msg": "HTTPS is not enforced: the domain answers plain HTTP", "path": e.enforce_path} if {
	e := opensearch.endpoint(input.resource)
	e.declared
	e.enforce_https != true
}

deny contains {"msg": msg, "path": e.tls_path} if {
	e := opensearch.endpoint(input.resource)
	regex.match(`TLS-1-[01]-`, e.tls_policy)
	msg := sprintf("TLS policy %q accepts TLS 1.0 and 1.1", [e.tls_policy])
}
