# METADATA
# title: AWS DynamoDB facts
# description: |
#   Point-in-time recovery of DynamoDB tables per format: a Terraform
#   aws_dynamodb_table, a CloudFormation AWS::DynamoDB::Table, each replica
#   of an AWS::DynamoDB::GlobalTable, and a SAM AWS::Serverless::SimpleTable
#   (which passes PointInTimeRecoverySpecification through to its table).
package onus.lib.aws.dynamodb

import data.onus.lib.aws

# pitr returns the point-in-time recovery settings a resource declares:
# [{"value" (false when unset), "path"}].
pitr(r) := [{"value": object.get(r.attrs, ["point_in_time_recovery", 0, "enabled"], false), "path": "point_in_time_recovery[0].enabled"}] if {
	r.kind == "terraform"
	r.type == "aws_dynamodb_table"
}

pitr(r) := [{"value": enabled(object.get(r.attrs, "PointInTimeRecoverySpecification", {})), "path": "PointInTimeRecoverySpecification.PointInTimeRecoveryEnabled"}] if {
	r.kind == "cloudformation"
	r.type in {"AWS::DynamoDB::Table", "AWS::Serverless::SimpleTable"}
}

pitr(r) := array.concat(
	[{"value": enabled(object.get(rep, "PointInTimeRecoverySpecification", {})), "path": sprintf("Replicas[%d].PointInTimeRecoverySpecification.PointInTimeRecoveryEnabled", [i])} |
		some i, rep in object.get(r.attrs, "Replicas", [])
		is_object(rep)
	],
	# replicas known only at deployment: reported on their path, undetermined
	[{"value": false, "path": "Replicas"} | aws.unknown(r, "Replicas")],
) if {
	r.kind == "cloudformation"
	r.type == "AWS::DynamoDB::GlobalTable"
}

enabled(spec) := aws.truthy_or_false(object.get(spec, "PointInTimeRecoveryEnabled", false)) if is_object(spec)

enabled(spec) := false if not is_object(spec)
