# METADATA
# title: DynamoDB point-in-time recovery is off
# description: |
#   Point-in-time recovery keeps continuous backups of a table for 35 days,
#   so a bad deployment, a bug that overwrites items or a malicious delete
#   can be undone to the second. Without it only on-demand backups, if any,
#   remain.
#   In CloudFormation the setting is
#   PointInTimeRecoverySpecification.PointInTimeRecoveryEnabled of
#   AWS::DynamoDB::Table, of a SAM AWS::Serverless::SimpleTable and of each
#   replica of AWS::DynamoDB::GlobalTable.
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
#     - kind: cloudformation
#       types: ["AWS::DynamoDB::Table", "AWS::DynamoDB::GlobalTable", "AWS::Serverless::SimpleTable"]
#   controls:
#     nist-800-53: ["CP-9", "CP-10"]
#     csa-ccm: ["BCR-08"]
#   remediation: |
#     Add point_in_time_recovery { enabled = true }.
#     In CloudFormation, set PointInTimeRecoverySpecification
#     PointInTimeRecoveryEnabled: true (on each replica of a global table).
package onus.aws.dynamodb_pitr

import data.onus.lib.aws.dynamodb

deny contains {"msg": "point-in-time recovery is off: overwritten or deleted items cannot be restored", "path": s.path} if {
	some s in dynamodb.pitr(input.resource)
	s.value != true
}
