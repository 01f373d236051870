# METADATA
# title: OpenSearch domain is not encrypted at rest
# description: |
#   Without encryption at rest the domain's indices, swap files and
#   automated snapshots are stored in clear.
#   Checked on aws_opensearch_domain and aws_elasticsearch_domain.
#   In CloudFormation the setting is EncryptionAtRestOptions.Enabled of
#   AWS::OpenSearchService::Domain and AWS::Elasticsearch::Domain.
# related_resources:
#   - ref: https://docs.aws.amazon.com/opensearch-service/latest/developerguide/encryption-at-rest.html
# custom:
#   id: ONUS-AWS-045
#   severity: medium
#   category: encryption
#   layer: data-access
#   targets:
#     - kind: terraform
#       types: [aws_opensearch_domain, aws_elasticsearch_domain]
#     - kind: cloudformation
#       types: ["AWS::OpenSearchService::Domain", "AWS::Elasticsearch::Domain"]
#   controls:
#     nist-800-53: ["SC-13", "SC-28", "SC-28(1)"]
#     csa-ccm: ["CEK-03"]
#     pci-dss: ["3.5.1"]
#   remediation: |
#     Set encrypt_at_rest { enabled = true } (with a customer managed
#     kms_key_id where key control matters).
#     In CloudFormation, set EncryptionAtRestOptions with Enabled: true (and
#     a KmsKeyId).
package onus.aws.opensearch_encryption_at_rest

import data.onus.lib.aws.opensearch

deny contains {"msg": "indices, logs, swap files and automated snapshots are not encrypted at rest", "path": s.path} if {
	s := opensearch.enabled(input.resource, "encrypt_at_rest")
	s.value != true
}
