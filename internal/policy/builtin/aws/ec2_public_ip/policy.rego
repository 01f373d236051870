# METADATA
# title: EC2 instance or launch template assigns a public IP address
# description: |
#   An instance with a public IPv4 address is reachable from the internet
#   wherever its security groups allow, and every mistake in those groups is
#   exposed at once. Reported where associate_public_ip_address is true: on
#   aws_instance, aws_launch_configuration, and on each network interface of
#   an aws_launch_template; in CloudFormation, AssociatePublicIpAddress of
#   AWS::AutoScaling::LaunchConfiguration and of each NetworkInterfaces item
#   of AWS::EC2::Instance and AWS::EC2::LaunchTemplate (LaunchTemplateData).
#   Put instances in private subnets behind a load
#   balancer, a NAT gateway for egress and Session Manager for
#   administration.
# related_resources:
#   - ref: https://docs.aws.amazon.com/securityhub/latest/userguide/ec2-controls.html#ec2-9
# custom:
#   id: ONUS-AWS-010
#   severity: medium
#   category: network-exposure
#   layer: network
#   targets:
#     - kind: terraform
#       types: [aws_instance, aws_launch_template, aws_launch_configuration]
#     - kind: cloudformation
#       types: ["AWS::EC2::Instance", "AWS::EC2::LaunchTemplate", "AWS::AutoScaling::LaunchConfiguration"]
#   controls:
#     nist-800-53: ["AC-4", "AC-21", "SC-7", "SC-7(3)"]
#     csa-ccm: ["IVS-03"]
#     pci-dss: ["1.4.4"]
#   remediation: |
#     Set associate_public_ip_address = false (AssociatePublicIpAddress:
#     false in CloudFormation), launch into a private subnet,
#     and reach the workload through a load balancer (and administer it with
#     AWS Systems Manager Session Manager instead of SSH from the internet).
package onus.aws.ec2_public_ip

import data.onus.lib.aws.ec2

deny contains {"msg": msg, "path": p.path} if {
	some p in ec2.public_ip(input.resource)
	msg := sprintf("%s asks for a public IP address: the instance is reachable from the internet wherever its security groups allow", [input.resource.type])
}
