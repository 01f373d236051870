# METADATA
# title: Security group opens SSH or RDP to the Internet
# description: |
#   An inbound rule from 0.0.0.0/0 or ::/0 that reaches port 22 (SSH) or
#   3389 (RDP), directly, through a port range or with all protocols, puts
#   the hosts' remote administration on the Internet, where it is scanned
#   and brute-forced within minutes. One policy for every format: the rules
#   come from data.onus.lib.aws.xf.network, which has an adapter per format
#   (Terraform aws_security_group, aws_security_group_rule,
#   aws_vpc_security_group_ingress_rule; CloudFormation
#   AWS::EC2::SecurityGroup and AWS::EC2::SecurityGroupIngress); the
#   judgement below is written once.
# related_resources:
#   - ref: https://docs.aws.amazon.com/securityhub/latest/userguide/ec2-controls.html#ec2-13
# custom:
#   id: ONUS-XF-002
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
#     nist-800-53: ["SC-7", "AC-17"]
#   params:
#     ports: {default: [22, 3389], description: remote administration ports that must not be open to the Internet}
#   remediation: |
#     Restrict the source to the networks that administer the hosts (a VPN
#     or bastion range, or a security group), or remove the rule and use
#     AWS Systems Manager Session Manager instead of SSH or RDP.
package onus.aws_cfn_proof.sg_open_admin_ports

import data.onus.lib.aws.xf.network

deny contains {"msg": msg, "path": src.path} if {
	some rule in network.ingress(input.resource)
	some port in input.params.ports
	network.reaches(rule, port)
	some src in rule.sources
	src.cidr in network.open_cidrs
	msg := sprintf("inbound rule allows %s to port %d", [src.cidr, port])
}

# a source known only at deployment may be the Internet: undetermined
deny contains {"msg": msg, "path": p} if {
	some rule in network.ingress(input.resource)
	some port in input.params.ports
	network.reaches(rule, port)
	some p in rule.unknown_sources
	msg := sprintf("the source of an inbound rule to port %d is known only at deployment", [port])
}
