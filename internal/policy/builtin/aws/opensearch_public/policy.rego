# METADATA
# title: OpenSearch domain is open to the internet
# description: |
#   A domain without vpc_options has a public endpoint; if its access policy
#   also allows Principal "*" without a condition restricting the source
#   (aws:SourceIp, aws:SourceVpce, aws:PrincipalAccount...), anyone on the
#   internet can read, write and delete its indices: the pattern behind many
#   leaked Elasticsearch databases. The access policy is read from
#   access_policies on the domain or from a separate
#   aws_opensearch_domain_policy / aws_elasticsearch_domain_policy.
#   In CloudFormation the domain is AWS::OpenSearchService::Domain or
#   AWS::Elasticsearch::Domain, its access policy the AccessPolicies
#   property and its VPC endpoints VPCOptions; the finding points at the
#   public statement.
# related_resources:
#   - ref: https://docs.aws.amazon.com/opensearch-service/latest/developerguide/ac.html
# custom:
#   id: ONUS-AWS-043
#   severity: critical
#   category: public-access
#   layer: network
#   targets:
#     - kind: terraform
#       types: [aws_opensearch_domain, aws_elasticsearch_domain, aws_opensearch_domain_policy, aws_elasticsearch_domain_policy]
#     - kind: cloudformation
#       types: ["AWS::OpenSearchService::Domain", "AWS::Elasticsearch::Domain"]
#   controls:
#     nist-800-53: ["AC-3", "AC-4", "AC-21", "SC-7"]
#     csa-ccm: ["DSP-17", "IVS-03"]
#     pci-dss: ["1.4.1", "7.2.1"]
#   remediation: |
#     Put the domain in a VPC (vpc_options with private subnets and a security
#     group), and name IAM principals in the access policy instead of "*".
#     In CloudFormation, set VPCOptions, or narrow AccessPolicies to named
#     principals or a source condition.
package onus.aws.opensearch_public

import data.onus.lib.aws.iam
import data.onus.lib.aws.opensearch

deny contains result if {
	some p in opensearch.access_policies(input.resource)
	some st in iam.statements(p.policy)
	iam.public_allow(st)
	d := domain_or_null(input.resource)
	not in_vpc(d)
	result := {
		"msg": sprintf("the domain has a public endpoint and its access policy's %s lets anyone call %s", [iam.label(st), concat(", ", st.actions)]),
		"path": opensearch.statement_path(p, st),
		"undetermined": d == null,
	}
}

domain_or_null(r) := d if {
	d := opensearch.domain_of(r)
} else := null

in_vpc(d) if {
	d != null
	opensearch.in_vpc(d)
}
