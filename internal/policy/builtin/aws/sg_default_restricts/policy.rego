# METADATA
# title: Default security group allows traffic
# description: |
#   Every VPC has a default security group, and resources launched without
#   an explicit group land in it. CIS asks that it allow nothing, so that
#   forgetting to assign a group fails closed. aws_default_security_group
#   adopts the group: declared without ingress or egress blocks it removes
#   every rule; each block it declares is a rule the group keeps.
#   CloudFormation cannot adopt the default group nor remove its rules, but
#   it can add to them: an AWS::EC2::SecurityGroupIngress or
#   AWS::EC2::SecurityGroupEgress whose GroupId is a VPC's
#   DefaultSecurityGroup (!GetAtt Vpc.DefaultSecurityGroup) is reported.
# related_resources:
#   - ref: https://docs.aws.amazon.com/vpc/latest/userguide/default-security-group.html
# custom:
#   id: ONUS-AWS-016
#   severity: medium
#   category: network-exposure
#   layer: network
#   targets:
#     - kind: terraform
#       types: [aws_default_security_group]
#     - kind: cloudformation
#       types: ["AWS::EC2::SecurityGroupIngress", "AWS::EC2::SecurityGroupEgress"]
#   controls:
#     cis-aws: ["5.4"]
#     nist-800-53: ["AC-4", "SC-7", "SC-7(5)"]
#     csa-ccm: ["IVS-03"]
#     pci-dss: ["1.2.1"]
#   remediation: |
#     Declare aws_default_security_group with no ingress or egress blocks, and
#     give every resource a security group of its own. In CloudFormation,
#     attach the rule to a security group of the template instead of the
#     VPC's DefaultSecurityGroup.
package onus.aws.sg_default_restricts

import data.onus.lib.aws

deny contains {"msg": sprintf("the default security group keeps an %s rule", [dir]), "path": sprintf("%s[%d]", [dir, i])} if {
	input.resource.kind == "terraform"
	some dir in ["ingress", "egress"]
	some i, _ in object.get(input.resource.attrs, dir, [])
}

deny contains {"msg": sprintf("the default security group's %s rules are unknown until apply", [dir]), "path": dir} if {
	input.resource.kind == "terraform"
	some dir in ["ingress", "egress"]
	dir in input.resource.unknown
}

# A CloudFormation rule added to the default security group: GroupId refers
# to a VPC, whose only security group attribute is DefaultSecurityGroup.
# GroupId itself is known only at deployment, so the finding points at the
# rule resource.
deny contains sprintf("the %s rule adds to the default security group of %s", [direction[input.resource.type], vpc.address]) if {
	input.resource.kind == "cloudformation"
	some vpc in aws.referred(input.resource, "GroupId")
	vpc.type == "AWS::EC2::VPC"
}

direction := {"AWS::EC2::SecurityGroupIngress": "ingress", "AWS::EC2::SecurityGroupEgress": "egress"}
