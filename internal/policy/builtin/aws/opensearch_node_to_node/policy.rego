# METADATA
# title: OpenSearch node-to-node encryption is off
# description: |
#   Node-to-node encryption adds TLS to the traffic between the nodes of a
#   domain, which otherwise carries queries and documents in clear inside
#   the VPC. The setting is the customer's; the network beneath is AWS's,
#   so the finding is owned shared.
#   Checked on aws_opensearch_domain and aws_elasticsearch_domain.
#   In CloudFormation the setting is NodeToNodeEncryptionOptions.Enabled of
#   AWS::OpenSearchService::Domain and AWS::Elasticsearch::Domain.
# related_resources:
#   - ref: https://docs.aws.amazon.com/opensearch-service/latest/developerguide/ntn.html
# custom:
#   id: ONUS-AWS-046
#   severity: medium
#   category: encryption
#   layer: network
#   targets:
#     - kind: terraform
#       types: [aws_opensearch_domain, aws_elasticsearch_domain]
#     - kind: cloudformation
#       types: ["AWS::OpenSearchService::Domain", "AWS::Elasticsearch::Domain"]
#   controls:
#     nist-800-53: ["SC-8", "SC-8(1)"]
#     csa-ccm: ["CEK-03", "DSP-10"]
#     pci-dss: ["4.2.1"]
#   remediation: |
#     Set node_to_node_encryption { enabled = true }.
#     In CloudFormation, set NodeToNodeEncryptionOptions with Enabled: true.
package onus.aws.opensearch_node_to_node

import data.onus.lib.aws.opensearch

deny contains {"msg": "traffic between the domain's nodes is not encrypted", "path": s.path} if {
	s := opensearch.enabled(input.resource, "node_to_node_encryption")
	s.value != true
}
