package onus.aws.opensearch_public_test

import data.onus.aws.opensearch_public
import data.onus.lib.aws.fixture as fx

open_policy := json.marshal({"Statement": [{"Effect": "Allow", "Principal": {"AWS": "*"}, "Action": "es:*", "Resource": "arn:aws:es:eu-west-1:111122223333:domain/logs/*"}]})

deny(r, rs) := d if {
	d := opensearch_public.deny with input.resource as r with data.onus.estate as fx.estate(rs)
}

test_public_domain_inline_policy if {
	d := fx.tf("aws_opensearch_domain", "logs", {"access_policies": open_policy})
	[f] := [f | some f in deny(d, [d])]
	f.path == "access_policies"
	not f.undetermined
}

test_vpc_domain_allowed if {
	d := fx.tf("aws_elasticsearch_domain", "logs", {"access_policies": open_policy, "vpc_options": [{"subnet_ids": ["s"]}]})
	count(deny(d, [d])) == 0
}

test_ip_restricted_allowed if {
	p := json.marshal({"Statement": [{"Effect": "Allow", "Principal": "*", "Action": "es:*", "Resource": "*", "Condition": {"IpAddress": {"aws:SourceIp": ["203.0.113.0/24"]}}}]})
	d := fx.tf("aws_opensearch_domain", "logs", {"access_policies": p})
	count(deny(d, [d])) == 0
}

test_separate_policy if {
	d := fx.tf("aws_opensearch_domain", "logs", {})
	p := fx.refs(fx.tf("aws_opensearch_domain_policy", "logs", {"access_policies": open_policy}), {"domain_name": [d.id]})
	[f] := [f | some f in deny(p, [d, p])]
	f.path == "access_policies"
}

test_separate_policy_of_vpc_domain if {
	d := fx.tf("aws_opensearch_domain", "logs", {"vpc_options": [{}]})
	p := fx.refs(fx.tf("aws_opensearch_domain_policy", "logs", {"access_policies": open_policy}), {"domain_name": [d.id]})
	count(deny(p, [d, p])) == 0
}

test_separate_policy_of_unknown_domain_is_undetermined if {
	p := fx.tf("aws_opensearch_domain_policy", "logs", {"domain_name": "logs", "access_policies": open_policy})
	[f] := [f | some f in deny(p, [p])]
	f.undetermined
}

cfn_open_policy := {"Version": "2012-10-17", "Statement": [
	{"Sid": "Admins", "Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:role/admin"}, "Action": "es:*", "Resource": "*"},
	{"Effect": "Allow", "Principal": {"AWS": "*"}, "Action": "es:ESHttpGet", "Resource": "*"},
]}

test_cfn_public_statement if {
	d := fx.cfn("AWS::OpenSearchService::Domain", "Search", {"AccessPolicies": cfn_open_policy})
	[f] := [f | some f in deny(d, [d])]
	f.path == "AccessPolicies.Statement[1]"
	not f.undetermined
}

test_cfn_single_statement_object if {
	d := fx.cfn("AWS::Elasticsearch::Domain", "Search", {"AccessPolicies": {"Statement": {"Effect": "Allow", "Principal": "*", "Action": "es:*"}}})
	[f] := [f | some f in deny(d, [d])]
	f.path == "AccessPolicies.Statement"
}

test_cfn_policy_as_string if {
	d := fx.cfn("AWS::Elasticsearch::Domain", "Search", {"AccessPolicies": open_policy})
	[f] := [f | some f in deny(d, [d])]
	f.path == "AccessPolicies"
}

test_cfn_vpc_domain if {
	d := fx.cfn("AWS::OpenSearchService::Domain", "Search", {"AccessPolicies": cfn_open_policy, "VPCOptions": {"SubnetIds": ["subnet-1"]}})
	count(deny(d, [d])) == 0
	u := fx.unknown(fx.cfn("AWS::OpenSearchService::Domain", "Search", {"AccessPolicies": cfn_open_policy}), ["VPCOptions"])
	count(deny(u, [u])) == 0
}
