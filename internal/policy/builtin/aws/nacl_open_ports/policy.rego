# METADATA
# title: Network ACL allows internet ingress to administration or database ports
# description: |
#   A network ACL is the subnet-wide backstop behind security groups. An
#   allow rule from 0.0.0.0/0 or ::/0 that reaches SSH, RDP or a database
#   port (by its own port range, or by allowing all protocols) lets that
#   traffic into every instance of the subnet whose security group slips.
#   Rules are read from the inline ingress blocks of aws_network_acl and
#   aws_default_network_acl and from aws_network_acl_rule (egress false),
#   and in CloudFormation from AWS::EC2::NetworkAclEntry (Egress false;
#   Protocol 6, 17 or -1, PortRange From and To).
#   Network ACLs are evaluated in rule number order: a rule is not reported
#   for a port that a lower-numbered deny rule of the same ACL drops from the
#   same source.
# related_resources:
#   - ref: https://docs.aws.amazon.com/vpc/latest/userguide/vpc-network-acls.html
# custom:
#   id: ONUS-AWS-017
#   severity: medium
#   category: network-exposure
#   layer: network
#   targets:
#     - kind: terraform
#       types: [aws_network_acl, aws_default_network_acl, aws_network_acl_rule]
#     - kind: cloudformation
#       types: ["AWS::EC2::NetworkAclEntry"]
#   controls:
#     cis-aws: ["5.1"]
#     nist-800-53: ["AC-4", "SC-7", "SC-7(5)"]
#     csa-ccm: ["IVS-03", "IVS-09"]
#     pci-dss: ["1.3.1", "1.4.2"]
#   params:
#     ports:
#       default: [22, 3389, 1433, 1521, 3306, 5432, 6379, 9200, 9300, 27017]
#       description: administration and database ports
#   remediation: |
#     Add lower-numbered deny rules for the administration and database ports
#     from 0.0.0.0/0 and ::/0, or narrow the allow rules to the ports the
#     subnet serves (443, and ephemeral ports 1024-65535 for return traffic).
package onus.aws.nacl_open_ports

import data.onus.lib.aws
import data.onus.lib.aws.ec2

deny contains result if {
	some rule in ec2.nacl_rules(input.resource)
	rule.allow
	not rule.egress
	aws.open_cidr(rule.cidr)
	hit := [p | some p in ec2.covered_ports(rule, input.params.ports); not ec2.shadowed(rule, p)]
	count(hit) > 0
	result := {
		"msg": sprintf("network ACL rule %v allows %s from %s (%s)", [rule.number, ec2.describe_ports(hit), rule.cidr, ec2.range_text(rule)]),
		"paths": array.concat([rule.path], rule.paths),
	}
}
