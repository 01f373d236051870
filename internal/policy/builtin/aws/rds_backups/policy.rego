# METADATA
# title: RDS automated backups are disabled
# description: |
#   backup_retention_period = 0 turns off automated backups and
#   point-in-time recovery: a dropped table, a bad migration or a ransomware
#   operator with database credentials leaves nothing to restore from.
#   Read replicas, which commonly keep no backups of their own, are not
#   reported.
#   In CloudFormation the setting is BackupRetentionPeriod of
#   AWS::RDS::DBInstance (default 1); instances of a cluster (with a
#   DBClusterIdentifier) keep the cluster's backups and are not reported.
# related_resources:
#   - ref: https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_WorkingWithAutomatedBackups.html
# custom:
#   id: ONUS-AWS-022
#   severity: medium
#   category: resilience
#   layer: data-access
#   targets:
#     - kind: terraform
#       types: [aws_db_instance]
#     - kind: cloudformation
#       types: ["AWS::RDS::DBInstance"]
#   controls:
#     nist-800-53: ["CP-9", "CP-10"]
#     csa-ccm: ["BCR-08"]
#   params:
#     min_days: {default: 1, description: shortest acceptable retention in days}
#   remediation: |
#     Set backup_retention_period to at least 7 days (35 at most), and copy
#     snapshots to another account or region with AWS Backup for critical data.
#     In CloudFormation, set BackupRetentionPeriod to at least 7.
package onus.aws.rds_backups

import data.onus.lib.aws.rds

deny contains {"msg": msg, "path": s.path} if {
	s := rds.backup_retention(input.resource)
	s.value < input.params.min_days
	not rds.replica(input.resource)
	msg := sprintf("automated backups are kept %v days: there is no point-in-time recovery", [s.value])
}
