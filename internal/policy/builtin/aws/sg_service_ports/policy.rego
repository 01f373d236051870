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
#   aws_vpc_security_group_ingress_rule, and from the SecurityGroupIngress of
#   AWS::EC2::SecurityGroup and AWS::EC2::SecurityGroupIngress resources in
#   CloudFormation; a range that includes one of the ports counts. Rules
#   open on all ports are reported by ONUS-AWS-015.
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
#     - kind: cloudformation
#       types: ["AWS::EC2::SecurityGroup", "AWS::EC2::SecurityGroupIngress"]
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
#     use the service (source_security_group_id / referenced_security_group_id;
#     SourceSecurityGroupId in CloudFormation),
#     and keep the service in private subnets.
package onus.aws.sg_service_ports

import data.onus.lib.aws.ec2

# rules are the resource's inbound rules, read once.
rules := ec2.ingress_rules(input.resource)

deny contains result if {
	some rule in rules
	some s in ec2.open_sources(rule)
	not ec2.all_ports(rule)
	hit := ec2.covered_ports(rule, input.params.ports)
	count(hit) > 0
	result := {
		"msg": sprintf("security group rule admits %s from %s (%s)", [ec2.describe_ports(hit), s.cidr, ec2.range_text(rule)]),
		"paths": ec2.result_paths(rule, s),
	}
}

# Unknown sources, unknown ports on an open rule, or unknown inline rules:
# undetermined (see ONUS-AWS-013).
deny contains {"msg": "the rule's sources are unknown until apply", "path": p} if {
	count(input.resource.unknown) > 0
	some rule in rules
	some p in ec2.unknown_sources(input.resource, rule)
	not ec2.all_ports(rule)
	count(ec2.covered_ports(rule, input.params.ports)) > 0
}

deny contains {"msg": "the rule's ports are unknown until apply", "paths": ec2.result_paths(rule, s)} if {
	count(input.resource.unknown) > 0
	some rule in rules
	some s in ec2.open_sources(rule)
	ec2.rule_unknown(input.resource, rule)
}

deny contains {"msg": "the ingress rules are unknown until apply", "path": p} if {
	some p in ec2.ingress_unknown(input.resource)
}
