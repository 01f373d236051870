# METADATA
# title: Security group allows internet ingress to database or service ports
# description: |
#   Databases (MySQL, PostgreSQL, SQL Server, Oracle, MongoDB, Cassandra,
#   CouchDB), caches (Redis, Memcached), search (Elasticsearch, Kibana),
#   container and cluster management (Docker API, etcd, kubelet) and Windows
#   services (SMB, RPC, WinRM, Telnet) are not built to face the internet:
#   many ship without authentication, and open ones are found and wiped or
#   ransomed within hours. Rules are read from inline ingress blocks of
#   aws_security_group, aws_security_group_rule and
#   aws_vpc_security_group_ingress_rule; a range that includes one of the
#   ports counts. Rules open on all ports are reported by ONUS-AWS-015.
# related_resources:
#   - ref: https://docs.aws.amazon.com/securityhub/latest/userguide/ec2-controls.html#ec2-19
# custom:
#   id: ONUS-AWS-014
#   severity: high
#   category: network-exposure
#   layer: network
#   targets:
#     - kind: terraform
#       types: [aws_security_group, aws_security_group_rule, aws_vpc_security_group_ingress_rule]
#   controls:
#     nist-800-53: ["AC-4", "CM-7", "SC-7", "SC-7(5)"]
#     csa-ccm: ["IVS-03", "IVS-09"]
#     pci-dss: ["1.3.1", "1.4.2"]
#   params:
#     ports:
#       default: [23, 135, 139, 445, 1433, 1434, 1521, 2375, 2376, 2379, 2380, 3306, 5432, 5601, 5984, 5985, 5986, 6379, 7000, 7001, 9042, 9160, 9200, 9300, 10250, 11211, 27017, 27018, 27019]
#       description: database, cache, search, container, cluster and Windows service ports
#   remediation: |
#     Allow the port only from the security groups of the applications that
#     use the service (source_security_group_id / referenced_security_group_id),
#     and keep the service in private subnets.
package onus.aws.sg_service_ports

import data.onus.lib.aws.ec2

deny contains result if {
	some rule in ec2.ingress_rules(input.resource)
	not ec2.all_ports(rule)
	hit := ec2.covered_ports(rule, input.params.ports)
	count(hit) > 0
	some s in ec2.open_sources(rule)
	result := {
		"msg": sprintf("security group rule admits %s from %s (%s)", [ec2.describe_ports(hit), s.cidr, ec2.range_text(rule)]),
		"paths": array.concat([s.path], rule.paths),
	}
}

# Unknown sources, unknown ports on an open rule, or unknown inline rules:
# undetermined (see ONUS-AWS-013).
deny contains {"msg": "the rule's sources are unknown until apply", "path": p} if {
	some rule in ec2.ingress_rules(input.resource)
	not ec2.all_ports(rule)
	count(ec2.covered_ports(rule, input.params.ports)) > 0
	some p in rule.unknown_sources
}

deny contains {"msg": "the rule's ports are unknown until apply", "paths": array.concat([s.path], rule.paths)} if {
	some rule in ec2.ingress_rules(input.resource)
	rule.unknown
	some s in ec2.open_sources(rule)
}

deny contains {"msg": "the ingress rules are unknown until apply", "path": "ingress"} if ec2.ingress_unknown(input.resource)
