# METADATA
# title: Security group allows internet ingress to remote administration ports
# description: |
#   SSH (22) and RDP (3389) open to 0.0.0.0/0 or ::/0 expose the login
#   prompt of every instance in the group to the whole internet, where it is
#   scanned and brute-forced within minutes. Rules are read from the inline
#   ingress blocks of aws_security_group, from aws_security_group_rule
#   (type "ingress") and from aws_vpc_security_group_ingress_rule; in
#   CloudFormation from the SecurityGroupIngress of AWS::EC2::SecurityGroup
#   and from AWS::EC2::SecurityGroupIngress resources. A port range that
#   includes an administration port counts. Rules open on all ports or
#   protocols are reported by ONUS-AWS-015 instead.
# related_resources:
#   - ref: https://docs.aws.amazon.com/vpc/latest/userguide/vpc-security-groups.html
# custom:
#   id: ONUS-AWS-013
#   severity: high
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
#   params:
#     ports: {default: [22, 3389], description: remote administration ports}
#   remediation: |
#     Restrict the source to the CIDR blocks of your VPN or bastion, or
#     remove the rule and administer instances through AWS Systems Manager
#     Session Manager, which needs no inbound port.
package onus.aws.sg_admin_ports

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

# Unknown sources on a rule reaching the ports, unknown ports on a rule open
# to the internet, or inline rules unknown as a whole: reported on the
# unknown paths, which the engine counts as undetermined.
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
