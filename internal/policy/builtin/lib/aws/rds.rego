# METADATA
# title: AWS RDS facts
# description: |
#   Normalised facts about RDS instances, Aurora clusters and cluster
#   instances, per format: each fact names the attribute path it was read
#   from (the path a finding points at when the setting is missing).
package onus.lib.aws.rds

import data.onus.lib.aws

# setting returns a boolean setting of a resource type as
# {"value": bool, "path"}, with the provider's default when unset.
setting(r, types, attr, def) := {"value": object.get(r.attrs, attr, def), "path": attr} if {
	r.kind == "terraform"
	r.type in types
}

# public returns where a database is made publicly accessible.
public(r) := setting(r, {"aws_db_instance", "aws_rds_cluster_instance"}, "publicly_accessible", false)

# replica holds for an instance or cluster that copies another database,
# whose storage encryption and backups follow the source.
replica(r) if aws.configured(r, "replicate_source_db")

replica(r) if aws.configured(r, "replication_source_identifier")

# restored holds for a database restored from a snapshot (its encryption
# follows the snapshot).
restored(r) if aws.configured(r, "snapshot_identifier")

restored(r) if count(object.get(r.attrs, "restore_to_point_in_time", [])) > 0

restored(r) if count(object.get(r.attrs, "s3_import", [])) > 0

# secondary holds for a cluster joining a global database as a secondary.
secondary(r) if {
	r.type == "aws_rds_cluster"
	object.get(r.attrs, "global_cluster_identifier", "") != ""
	not object.get(r.attrs, "engine_mode", "") == "global"
	object.get(r.attrs, "master_username", "") == ""
}

# storage_encrypted returns the encryption at rest of an instance or
# cluster. Aurora Serverless v1 clusters are always encrypted.
storage_encrypted(r) := {"value": true, "path": "storage_encrypted"} if {
	r.kind == "terraform"
	r.type == "aws_rds_cluster"
	object.get(r.attrs, "engine_mode", "provisioned") == "serverless"
} else := setting(r, {"aws_db_instance", "aws_rds_cluster"}, "storage_encrypted", false)

# backup_retention returns the automated backup retention in days of an
# instance (clusters cannot go below one day). AWS's default is 1.
backup_retention(r) := {"value": object.get(r.attrs, "backup_retention_period", 1), "path": "backup_retention_period"} if {
	r.kind == "terraform"
	r.type == "aws_db_instance"
}

# deletion_protection returns the deletion protection of an instance or
# cluster (instances of a cluster are protected by their cluster).
deletion_protection(r) := setting(r, {"aws_db_instance", "aws_rds_cluster"}, "deletion_protection", false)

# iam_auth returns whether IAM database authentication is on, for engines
# that support it (MySQL, MariaDB, PostgreSQL and their Aurora versions).
iam_auth(r) := setting(r, {"aws_db_instance", "aws_rds_cluster"}, "iam_database_authentication_enabled", false) if {
	engine(r) in iam_engines
}

iam_engines := {"mysql", "mariadb", "postgres", "aurora", "aurora-mysql", "aurora-postgresql"}

# engine returns the database engine; an aws_rds_cluster without one is
# Aurora MySQL (the provider's historical default).
engine(r) := lower(r.attrs.engine) if is_string(r.attrs.engine)

engine(r) := "aurora" if {
	r.type == "aws_rds_cluster"
	not r.attrs.engine
}

# minor_upgrades returns whether the engine's minor versions are applied
# automatically (AWS default: yes).
minor_upgrades(r) := setting(r, {"aws_db_instance", "aws_rds_cluster_instance"}, "auto_minor_version_upgrade", true)
