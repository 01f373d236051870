# METADATA
# title: VPC has no flow log
# description: |
#   Flow logs record the connections accepted and rejected in a VPC: without
#   them there is no trace of scanning, of lateral movement or of data
#   leaving. A VPC counts as logged when an aws_flow_log of the estate
#   refers to it through vpc_id. When some flow log's vpc_id is unknown and
#   refers to nothing the scan can see, the result is undetermined.
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
#   controls:
#     cis-aws: ["3.7"]
#     nist-800-53: ["AU-2", "AU-3", "AU-12", "SI-4"]
#     csa-ccm: ["LOG-08", "IVS-09"]
#     pci-dss: ["10.2.1"]
#   remediation: |
#     Add an aws_flow_log with vpc_id = the VPC, traffic_type = "ALL" (or at
#     least "REJECT"), sending to CloudWatch Logs or an S3 bucket.
package onus.aws.vpc_flow_logs

import data.onus.lib.aws

deny contains result if {
	input.resource.kind == "terraform"
	count(aws.referring(input.resource.id, "aws_flow_log", "vpc_id")) == 0
	result := {
		"msg": "no flow log records the VPC's traffic",
		"undetermined": unresolved_flow_log,
	}
}

# unresolved_flow_log holds when a flow log of the same root module names a
# VPC the scan cannot see (an unknown vpc_id with no reference).
default unresolved_flow_log := false

unresolved_flow_log if {
	some f in aws.in_unit(input.resource, "aws_flow_log")
	aws.unknown(f, "vpc_id")
	count(object.get(f.refs, "vpc_id", [])) == 0
}
