# METADATA
# title: Subnet assigns public IP addresses on launch
# description: |
#   With map_public_ip_on_launch every instance started in the subnet gets a
#   public IPv4 address unless it opts out, so a workload meant to be private
#   becomes reachable from the internet by default. Keep it for the subnets
#   that hold only load balancers and NAT gateways, which do not need it
#   either (they use Elastic IPs). Read from map_public_ip_on_launch of
#   aws_subnet, and MapPublicIpOnLaunch of AWS::EC2::Subnet in
#   CloudFormation.
# related_resources:
#   - ref: https://docs.aws.amazon.com/securityhub/latest/userguide/ec2-controls.html#ec2-15
# custom:
#   id: ONUS-AWS-018
#   severity: low
#   category: network-exposure
#   layer: network
#   targets:
#     - kind: terraform
#       types: [aws_subnet]
#     - kind: cloudformation
#       types: ["AWS::EC2::Subnet"]
#   controls:
#     nist-800-53: ["AC-4", "AC-21", "SC-7", "SC-7(3)"]
#     csa-ccm: ["IVS-03"]
#     pci-dss: ["1.4.4"]
#   remediation: |
#     Set map_public_ip_on_launch = false (MapPublicIpOnLaunch: false in
#     CloudFormation) and give the instances that must be
#     reachable an Elastic IP or, better, a load balancer in front.
package onus.aws.subnet_public_ip

import data.onus.lib.aws

deny contains {"msg": "subnet gives every instance launched in it a public IP address", "path": "map_public_ip_on_launch"} if {
	input.resource.kind == "terraform"
	input.resource.attrs.map_public_ip_on_launch == true
}

deny contains {"msg": "subnet gives every instance launched in it a public IP address", "path": "MapPublicIpOnLaunch"} if {
	input.resource.kind == "cloudformation"
	aws.truthy(input.resource.attrs.MapPublicIpOnLaunch)
}
