# METADATA
# title: AWS OpenSearch facts
# description: |
#   OpenSearch Service and legacy Elasticsearch Service domains share one
#   shape: a domain (aws_opensearch_domain, aws_elasticsearch_domain) and an
#   optional separate access policy (aws_opensearch_domain_policy,
#   aws_elasticsearch_domain_policy) pointing at it through domain_name.
package onus.lib.aws.opensearch

import data.onus.lib.aws

domain_types := {"aws_opensearch_domain", "aws_elasticsearch_domain"}

policy_types := {"aws_opensearch_domain_policy", "aws_elasticsearch_domain_policy"}

is_domain(r) if {
	r.kind == "terraform"
	r.type in domain_types
}

# domain_of returns the domain a resource configures: itself, or the
# domain a domain policy refers to.
domain_of(r) := r if is_domain(r)

domain_of(r) := d if {
	r.kind == "terraform"
	r.type in policy_types
	some d in aws.referred(r, "domain_name")
	is_domain(d)
}

# in_vpc holds for a domain with VPC endpoints only.
in_vpc(d) if count(object.get(d.attrs, "vpc_options", [])) > 0

# access_policies returns the access policy a resource declares:
# [{"policy", "path"}].
access_policies(r) := [{"policy": r.attrs.access_policies, "path": "access_policies"}] if {
	r.kind == "terraform"
	r.type in domain_types | policy_types
	is_string(r.attrs.access_policies)
} else := []

# enabled reads a block's enabled flag: {"value", "path"}.
enabled(r, block) := {"value": object.get(r.attrs, [block, 0, "enabled"], false), "path": sprintf("%s[0].enabled", [block])} if is_domain(r)
