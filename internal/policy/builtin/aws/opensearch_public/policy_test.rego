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
