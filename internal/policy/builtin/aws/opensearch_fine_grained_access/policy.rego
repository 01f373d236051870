# METADATA
# title: Fine-grained access control is off on an OpenSearch domain
# description: |
#   Fine-grained access control adds index-, document- and field-level
#   permissions and role mapping inside the domain; without it, whoever the
#   resource policy lets in is an administrator of every index.
#   Checked on aws_opensearch_domain and aws_elasticsearch_domain.
#   In CloudFormation the setting is AdvancedSecurityOptions.Enabled of
#   AWS::OpenSearchService::Domain and AWS::Elasticsearch::Domain.
# related_resources:
#   - ref: https://docs.aws.amazon.com/opensearch-service/latest/developerguide/fgac.html
# custom:
#   id: ONUS-AWS-044
#   severity: medium
#   category: identity
#   layer: data-access
#   targets:
#     - kind: terraform
#       types: [aws_opensearch_domain, aws_elasticsearch_domain]
#     - kind: cloudformation
#       types: ["AWS::OpenSearchService::Domain", "AWS::Elasticsearch::Domain"]
#   controls:
#     nist-800-53: ["AC-3", "AC-6"]
#     csa-ccm: ["IAM-16"]
#     pci-dss: ["7.2.1"]
#   remediation: |
#     Set advanced_security_options { enabled = true } with a master_user_arn
#     (an IAM role), and map IAM roles to OpenSearch roles with least privilege.
#     In CloudFormation, set AdvancedSecurityOptions with Enabled: true and
#     a master user or IAM master ARN.
package onus.aws.opensearch_fine_grained_access

import data.onus.lib.aws.opensearch

deny contains {"msg": "fine-grained access control is off: any principal the access policy admits can read and change every index", "path": s.path} if {
	s := opensearch.enabled(input.resource, "advanced_security_options")
	s.value != true
}
