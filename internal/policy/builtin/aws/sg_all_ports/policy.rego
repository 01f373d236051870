# METADATA
# title: Security group allows all traffic from the internet
# description: |
#   An ingress rule with protocol -1 (all), or covering every TCP or UDP
#   port, from 0.0.0.0/0 or ::/0 exposes every service the instances run,
#   including administration and database ports and whatever is started
#   later. Rules are read from inline ingress blocks of aws_security_group,
#   aws_security_group_rule and aws_vpc_security_group_ingress_rule, and
#   from the SecurityGroupIngress of AWS::EC2::SecurityGroup and
#   AWS::EC2::SecurityGroupIngress resources in CloudFormation (IpProtocol
#   -1 is every protocol).
# related_resources:
#   - ref: https://docs.aws.amazon.com/vpc/latest/userguide/security-group-rules.html
# custom:
#   id: ONUS-AWS-015
#   severity: critical
#   category: network-exposure
#   layer: network
#   targets:
#     - kind: terraform
#       types: [aws_security_group, aws_security_group_rule, aws_vpc_security_group_ingress_rule]
#     - kind: cloudformation
#       types: ["AWS::EC2::SecurityGroup", "AWS::EC2::SecurityGroupIngress"]
#   controls:
#     cis-aws: ["5.2", "5.3"]
#     nist-800-53: ["AC-4", "CM-7", "SC-7", "SC-7(5)"]
#     csa-ccm: ["IVS-03", "IVS-09"]
#     pci-dss: ["1.3.1", "1.4.2"]
#   remediation: |
#     Allow only the ports the service needs (443 for a web front end), from
#     the sources that need them.
package onus.aws.sg_all_ports

import data.onus.lib.aws.ec2

# rules are the resource's inbound rules, read once.
rules := ec2.ingress_rules(input.resource)

deny contains result if {
	some rule in rules
	some s in ec2.open_sources(rule)
	ec2.all_ports(rule)
	result := {
		"msg": sprintf("security group rule admits %s from %s", [ec2.range_text(rule), s.cidr]),
		"paths": ec2.result_paths(rule, s),
	}
}

# Unknown sources on a rule open on every port, unknown ports on a rule open
# to the internet, or unknown inline rules: undetermined.
deny contains {"msg": "the rule's sources are unknown until apply", "path": p} if {
	count(input.resource.unknown) > 0
	some rule in rules
	some p in ec2.unknown_sources(input.resource, rule)
	ec2.all_ports(rule)
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
