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
#   controls:
#     nist-800-53: ["SC-8", "SC-8(1)", "SC-13"]
#     csa-ccm: ["CEK-03", "DSP-10"]
#     pci-dss: ["4.2.1"]
#   remediation: |
#     Set domain_endpoint_options { enforce_https = true,
#     tls_security_policy = "Policy-Min-TLS-1-2-2019-07" } (or a newer
#     TLS 1.2 policy).
package onus.aws.opensearch_https

import data.onus.lib.aws.opensearch

options := object.get(input.resource.attrs, ["domain_endpoint_options", 0], null)

deny contains {"msg": "the domain declares no endpoint options: HTTPS is not enforced", "path": "domain_endpoint_options"} if {
	opensearch.is_domain(input.resource)
	options == null
}

deny contains {"msg": "enforce_https is false: the domain answers plain HTTP", "path": "domain_endpoint_options[0].enforce_https"} if {
	opensearch.is_domain(input.resource)
	options.enforce_https == false
}

deny contains {"msg": msg, "path": "domain_endpoint_options[0].tls_security_policy"} if {
	opensearch.is_domain(input.resource)
	p := options.tls_security_policy
	regex.match(`TLS-1-[01]-`, p)
	msg := sprintf("TLS policy %q accepts TLS 1.0 and 1.1", [p])
}
