# METADATA
# title: AWS OpenSearch facts
# description: |
#   OpenSearch Service and legacy Elasticsearch Service domains share one
#   shape. Terraform declares a domain (aws_opensearch_domain,
#   aws_elasticsearch_domain) and an optional separate access policy
#   (aws_opensearch_domain_policy, aws_elasticsearch_domain_policy) pointing
#   at it through domain_name; CloudFormation declares a domain
#   (AWS::OpenSearchService::Domain, AWS::Elasticsearch::Domain) whose
#   AccessPolicies property is the policy document. Facts carry the path
#   of the format they were read from.
package onus.lib.aws.opensearch

import data.onus.lib.aws

domain_types := {"aws_opensearch_domain", "aws_elasticsearch_domain"}

policy_types := {"aws_opensearch_domain_policy", "aws_elasticsearch_domain_policy"}

cfn_domain_types := {"AWS::OpenSearchService::Domain", "AWS::Elasticsearch::Domain"}

is_domain(r) if {
	r.kind == "terraform"
	r.type in domain_types
}

is_domain(r) if {
	r.kind == "cloudformation"
	r.type in cfn_domain_types
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
in_vpc(d) if {
	d.kind == "terraform"
	count(object.get(d.attrs, "vpc_options", [])) > 0
}

in_vpc(d) if {
	d.kind == "cloudformation"
	is_object(d.attrs.VPCOptions)
}

in_vpc(d) if {
	d.kind == "cloudformation"
	aws.unknown(d, "VPCOptions")
}

# access_policies returns the access policy a resource declares:
# [{"policy", "path", "statements"}], where statements is the path of the
# policy's Statement when the format lets a finding point into the
# document ("" when the document is a JSON string).
access_policies(r) := [{"policy": r.attrs.access_policies, "path": "access_policies", "statements": ""}] if {
	r.kind == "terraform"
	r.type in (domain_types | policy_types)
	is_string(r.attrs.access_policies)
} else := [{"policy": r.attrs.AccessPolicies, "path": "AccessPolicies", "statements": "AccessPolicies.Statement"}] if {
	r.kind == "cloudformation"
	r.type in cfn_domain_types
	is_object(r.attrs.AccessPolicies)
} else := [{"policy": r.attrs.AccessPolicies, "path": "AccessPolicies", "statements": ""}] if {
	r.kind == "cloudformation"
	r.type in cfn_domain_types
	is_string(r.attrs.AccessPolicies)
} else := []

# statement_path returns where a statement of an access policy is written:
# the statement itself when the document is an object, else the policy.
statement_path(p, st) := p.path if p.statements == ""

statement_path(p, st) := sprintf("%s[%d]", [p.statements, st.index]) if {
	p.statements != ""
	is_array(p.policy.Statement)
}

statement_path(p, _) := p.statements if {
	p.statements != ""
	not is_array(p.policy.Statement)
}

# cfn_blocks names the CloudFormation option of each Terraform block.
cfn_blocks := {
	"encrypt_at_rest": "EncryptionAtRestOptions",
	"node_to_node_encryption": "NodeToNodeEncryptionOptions",
	"advanced_security_options": "AdvancedSecurityOptions",
}

# enabled reads an option's enabled flag, named by its Terraform block:
# {"value", "path"}.
enabled(r, block) := {"value": object.get(r.attrs, [block, 0, "enabled"], false), "path": sprintf("%s[0].enabled", [block])} if {
	r.kind == "terraform"
	is_domain(r)
}

enabled(r, block) := {"value": flag(object.get(r.attrs, [prop, "Enabled"], false)), "path": sprintf("%s.Enabled", [prop])} if {
	r.kind == "cloudformation"
	is_domain(r)
	prop := cfn_blocks[block]
}

flag(v) := b if {
	b := aws.bool(v)
} else := v

# endpoint returns the endpoint options of a domain: {"declared",
# "declared_path", "enforce_https" (the provider's default when unset:
# true for a Terraform block, false in CloudFormation as in the API),
# "enforce_path", "tls_policy" ("" when unset), "tls_path"}.
endpoint(r) := {
	"declared": is_object(object.get(r.attrs, ["domain_endpoint_options", 0], null)),
	"declared_path": "domain_endpoint_options",
	"enforce_https": flag(object.get(o, "enforce_https", true)),
	"enforce_path": "domain_endpoint_options[0].enforce_https",
	"tls_policy": object.get(o, "tls_security_policy", ""),
	"tls_path": "domain_endpoint_options[0].tls_security_policy",
} if {
	r.kind == "terraform"
	is_domain(r)
	o := options(object.get(r.attrs, ["domain_endpoint_options", 0], null))
}

endpoint(r) := {
	"declared": is_object(object.get(r.attrs, "DomainEndpointOptions", null)),
	"declared_path": "DomainEndpointOptions",
	"enforce_https": flag(object.get(o, "EnforceHTTPS", false)),
	"enforce_path": "DomainEndpointOptions.EnforceHTTPS",
	"tls_policy": object.get(o, "TLSSecurityPolicy", ""),
	"tls_path": "DomainEndpointOptions.TLSSecurityPolicy",
} if {
	r.kind == "cloudformation"
	is_domain(r)
	o := options(object.get(r.attrs, "DomainEndpointOptions", null))
}

options(o) := o if is_object(o)

options(o) := {} if not is_object(o)
