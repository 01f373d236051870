# METADATA
# title: DynamoDB point-in-time recovery is off
# description: |
#   Point-in-time recovery keeps continuous backups of a table for 35 days,
#   so a bad deployment, a bug that overwrites items or a malicious delete
#   can be undone to the second. Without it only on-demand backups, if any,
#   remain.
# related_resources:
#   - ref: https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/PointInTimeRecovery.html
# custom:
#   id: ONUS-AWS-058
#   severity: medium
#   category: resilience
#   layer: data-access
#   targets:
#     - kind: terraform
#       types: [aws_dynamodb_table]
#   controls:
#     nist-800-53: ["CP-9", "CP-10"]
#     csa-ccm: ["BCR-08"]
#   remediation: |
#     Add point_in_time_recovery { enabled = true }.
package onus.aws.dynamodb_pitr

deny contains {"msg": "point-in-time recovery is off: overwritten or deleted items cannot be restored", "path": "point_in_time_recovery[0].enabled"} if {
	input.resource.kind == "terraform"
	object.get(input.resource.attrs, ["point_in_time_recovery", 0, "enabled"], false) != true
}
