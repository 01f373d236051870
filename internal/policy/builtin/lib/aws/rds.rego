# METADATA
# title: AWS RDS facts
# description: |
#   Normalised facts about RDS instances, Aurora clusters and cluster
#   instances, per format: each fact names the attribute path it was read
#   from (the path a finding points at when the setting is missing).
#   Terraform declares cluster instances as aws_rds_cluster_instance;
#   CloudFormation as an AWS::RDS::DBInstance with a DBClusterIdentifier,
#   whose storage encryption, backups, deletion protection and IAM
#   authentication are the cluster's. CloudFormation booleans and numbers
#   written as strings (from parameters) are normalised.
package onus.lib.aws.rds

import data.onus.lib.aws

cfn_instance := "AWS::RDS::DBInstance"

cfn_cluster := "AWS::RDS::DBCluster"

# cfn_setting is setting for CloudFormation: types are AWS::RDS types and
# prop a property name; a boolean or number written as a string is
# normalised.
cfn_setting(r, types, prop, def) := {"value": normalise(object.get(r.attrs, prop, def)), "path": prop} if {
	r.kind == "cloudformation"
	r.type in types
}

normalise(v) := x if {
	x := aws.bool(v)
} else := x if {
	x := aws.num(v)
} else := v

# member holds for a CloudFormation instance of an Aurora (or Multi-AZ)
# cluster: its storage, backups and authentication are the cluster's.
member(r) if {
	r.kind == "cloudformation"
	r.type == cfn_instance
	aws.configured(r, "DBClusterIdentifier")
}

# cfn_own returns the CloudFormation types that carry a setting belonging
# to clusters and standalone instances: a cluster member does not.
cfn_own(r) := {cfn_instance, cfn_cluster} if not member(r)

cfn_own(r) := {cfn_cluster} if member(r)

# own_setting is cfn_setting for a setting a cluster member takes from its
# cluster. When an instance's DBClusterIdentifier is known only at
# deployment, the instance may be a member: the setting points at
# DBClusterIdentifier, so a finding on it is undetermined.
own_setting(r, prop, def) := object.union(s, {"path": "DBClusterIdentifier"}) if {
	s := cfn_setting(r, cfn_own(r), prop, def)
	maybe_member(r)
} else := cfn_setting(r, cfn_own(r), prop, def)

maybe_member(r) if {
	r.type == cfn_instance
	not member(r)
	aws.unknown(r, "DBClusterIdentifier")
}

# setting returns a boolean setting of a resource type as
# {"value": bool, "path"}, with the provider's default when unset.
setting(r, types, attr, def) := {"value": object.get(r.attrs, attr, def), "path": attr} if {
	r.kind == "terraform"
	r.type in types
}

# public returns where a database is made publicly accessible.
public(r) := setting(r, {"aws_db_instance", "aws_rds_cluster_instance"}, "publicly_accessible", false)

public(r) := cfn_setting(r, {cfn_instance}, "PubliclyAccessible", false)

# replica holds for an instance or cluster that copies another database,
# whose storage encryption and backups follow the source.
replica(r) if aws.configured(r, "replicate_source_db")

replica(r) if aws.configured(r, "replication_source_identifier")

replica(r) if {
	r.kind == "cloudformation"
	some p in ["SourceDBInstanceIdentifier", "SourceDBClusterIdentifier", "ReplicationSourceIdentifier", "SourceDBInstanceAutomatedBackupsArn"]
	aws.configured(r, p)
}

# restored holds for a database restored from a snapshot (its encryption
# follows the snapshot).
restored(r) if aws.configured(r, "snapshot_identifier")

restored(r) if count(object.get(r.attrs, "restore_to_point_in_time", [])) > 0

restored(r) if count(object.get(r.attrs, "s3_import", [])) > 0

restored(r) if {
	r.kind == "cloudformation"
	some p in ["DBSnapshotIdentifier", "DBClusterSnapshotIdentifier", "SnapshotIdentifier"]
	aws.configured(r, p)
}

# secondary holds for a cluster joining a global database as a secondary.
secondary(r) if {
	r.type == "aws_rds_cluster"
	object.get(r.attrs, "global_cluster_identifier", "") != ""
	not object.get(r.attrs, "engine_mode", "") == "global"
	object.get(r.attrs, "master_username", "") == ""
}

secondary(r) if {
	r.type == cfn_cluster
	aws.configured(r, "GlobalClusterIdentifier")
	object.get(r.attrs, "MasterUsername", "") == ""
	not "MasterUsername" in r.unknown
}

# storage_encrypted returns the encryption at rest of an instance or
# cluster. Aurora Serverless v1 clusters are always encrypted.
storage_encrypted(r) := {"value": true, "path": "storage_encrypted"} if {
	r.kind == "terraform"
	r.type == "aws_rds_cluster"
	object.get(r.attrs, "engine_mode", "provisioned") == "serverless"
} else := setting(r, {"aws_db_instance", "aws_rds_cluster"}, "storage_encrypted", false)

storage_encrypted(r) := {"value": true, "path": "StorageEncrypted"} if {
	r.type == cfn_cluster
	object.get(r.attrs, "EngineMode", "provisioned") == "serverless"
} else := own_setting(r, "StorageEncrypted", false)

# backup_retention returns the automated backup retention in days of an
# instance (clusters cannot go below one day). AWS's default is 1.
backup_retention(r) := {"value": object.get(r.attrs, "backup_retention_period", 1), "path": "backup_retention_period"} if {
	r.kind == "terraform"
	r.type == "aws_db_instance"
}

backup_retention(r) := own_setting(r, "BackupRetentionPeriod", 1) if r.type == cfn_instance

# deletion_protection returns the deletion protection of an instance or
# cluster (instances of a cluster are protected by their cluster).
deletion_protection(r) := setting(r, {"aws_db_instance", "aws_rds_cluster"}, "deletion_protection", false)

deletion_protection(r) := own_setting(r, "DeletionProtection", false)

# iam_auth returns whether IAM database authentication is on, for engines
# that support it (MySQL, MariaDB, PostgreSQL and their Aurora versions).
iam_auth(r) := setting(r, {"aws_db_instance", "aws_rds_cluster"}, "iam_database_authentication_enabled", false) if {
	engine(r) in iam_engines
}

iam_auth(r) := own_setting(r, "EnableIAMDatabaseAuthentication", false) if {
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

engine(r) := lower(r.attrs.Engine) if {
	r.kind == "cloudformation"
	is_string(r.attrs.Engine)
}

# minor_upgrades returns whether the engine's minor versions are applied
# automatically (AWS default: yes).
minor_upgrades(r) := setting(r, {"aws_db_instance", "aws_rds_cluster_instance"}, "auto_minor_version_upgrade", true)

minor_upgrades(r) := cfn_setting(r, {cfn_instance}, "AutoMinorVersionUpgrade", true)
