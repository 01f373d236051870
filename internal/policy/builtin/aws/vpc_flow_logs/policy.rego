# METADATA
# title: VPC has no flow log
# description: |
#   Flow logs record the connections accepted and rejected in a VPC: without
#   them there is no trace of scanning, of lateral movement or of data
#   leaving. A VPC counts as logged when an aws_flow_log of the estate
#   refers to it through vpc_id. When some flow log's vpc_id is unknown and
#   refers to nothing the scan can see, the result is undetermined. In
#   CloudFormation an AWS::EC2::VPC is logged when an AWS::EC2::FlowLog of
#   the estate refers to it through ResourceId (ResourceType VPC).
# related_resources:
#   - ref: https://docs.aws.amazon.com/vpc/latest/userguide/flow-logs.html
# custom:
#   id: ONUS-AWS-019
#   severity: medium
#   category: logging
#   layer: network
#   targets:
#     - kind: terraform
#       types: [aws_vpc]
#     - kind: cloudformation
#       types: ["AWS::EC2::VPC"]
#   controls:
#     cis-aws: ["3.7"]
#     nist-800-53: ["AU-2", "AU-3", "AU-12", "SI-4"]
#     csa-ccm: ["LOG-08", "IVS-09"]
#     pci-dss: ["10.2.1"]
#   remediation: |
#     Add an aws_flow_log with vpc_id = the VPC, traffic_type = "ALL" (or at
#     least "REJECT"), sending to CloudWatch Logs or an S3 bucket. In
#     CloudFormation, add an AWS::EC2::FlowLog with ResourceType VPC,
#     ResourceId !Ref the VPC and TrafficType ALL.
package onus.aws.vpc_flow_logs

import data.onus.lib.aws

deny contains result if {
	count(flow_logs(input.resource)) == 0
	result := {
		"msg": "no flow log records the VPC's traffic",
		"undetermined": unresolved_flow_log,
	}
}

# flow_logs returns the flow logs of the estate that refer to the VPC.
flow_logs(vpc) := aws.referring(vpc.id, "aws_flow_log", "vpc_id") if vpc.kind == "terraform"

flow_logs(vpc) := [f |
	some f in aws.referring(vpc.id, "AWS::EC2::FlowLog", "ResourceId")
	object.get(f.attrs, "ResourceType", "VPC") == "VPC"
] if vpc.kind == "cloudformation"

# flow_log_target names, per format, the flow log type and the attribute
# that names what it logs.
flow_log_target := {"terraform": ["aws_flow_log", "vpc_id"], "cloudformation": ["AWS::EC2::FlowLog", "ResourceId"]}

# unresolved_flow_log holds when a flow log of the same deployment unit
# names a VPC the scan cannot see (an unknown vpc_id or ResourceId with no
# reference).
default unresolved_flow_log := false

unresolved_flow_log if {
	[type, attr] := flow_log_target[input.resource.kind]
	some f in aws.in_unit(input.resource, type)
	aws.unknown(f, attr)
	count(object.get(f.refs, attr, [])) == 0
}
