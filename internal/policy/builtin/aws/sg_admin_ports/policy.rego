# METADATA
# title: Security group allows internet ingress to remote administration ports
# description: |
#   SSH (22) and RDP (3389) open to 0.0.0.0/0 or ::/0 expose the login
#   prompt of every instance in the group to the whole internet, where it is
#   scanned and brute-forced within minutes. Rules are read from the inline
#   ingress blocks of aws_security_group, from aws_security_group_rule
#   (type "ingress") and from aws_vpc_security_group_ingress_rule; a port
#   range that includes an administration port counts. Rules open on all
#   ports or protocols are reported by ONUS-AWS-015 instead.
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

# Unknown sources on a rule reaching the ports, unknown ports on a rule open
# to the internet, or inline rules unknown as a whole: reported on the
# unknown paths, which the engine counts as undetermined.
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
