# METADATA
# title: Cloud SQL instance has no automated backups
# description: |
#   Without automated backups, a dropped table, a bad migration or
#   ransomware leaves nothing to restore from, and point-in-time recovery
#   cannot be turned on. Cloud SQL takes no backups unless
#   settings.backup_configuration.enabled is true. Read replicas
#   (master_instance_name set) cannot have backups and are not reported.
# related_resources:
#   - ref: https://cloud.google.com/sql/docs/mysql/backup-recovery/backups
# custom:
#   id: ONUS-GCP-010
#   severity: medium
#   category: resilience
#   layer: data-access
#   targets:
#     - kind: terraform
#       types: [google_sql_database_instance]
#   controls:
#     cis-gcp: ["6.7"]
#     nist-800-53: ["CP-9", "CP-10"]
#     csa-ccm: ["BCR-08"]
#   remediation: |
#     Add settings { backup_configuration { enabled = true } } with a
#     start_time in a quiet hour, and turn on point_in_time_recovery_enabled
#     (PostgreSQL, SQL Server) or binary_log_enabled (MySQL) to restore to
#     any moment.
package onus.gcp.sql_backups

import data.onus.lib.gcp.sql

deny contains {"msg": "automated backups are off", "paths": [sql.backup_path, "master_instance_name"]} if {
	not sql.replica(input.resource)
	object.get(input.resource.attrs, ["settings", 0, "backup_configuration", 0, "enabled"], false) != true
}
