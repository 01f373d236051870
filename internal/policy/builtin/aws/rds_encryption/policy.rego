# METADATA
# title: RDS storage is not encrypted
# description: |
#   An unencrypted database leaves its data, its automated backups, its
#   snapshots and its read replicas in clear, and encryption cannot be
#   turned on later without a snapshot copy and a restore. Checked on
#   aws_db_instance and aws_rds_cluster; read replicas, snapshot restores and
#   global secondary clusters follow their source and are not reported, and
#   Aurora Serverless v1 clusters are always encrypted.
#   In CloudFormation the setting is StorageEncrypted of
#   AWS::RDS::DBInstance and AWS::RDS::DBCluster; instances of a cluster
#   (with a DBClusterIdentifier), read replicas (SourceDBInstanceIdentifier,
#   SourceDBClusterIdentifier, ReplicationSourceIdentifier), snapshot
#   restores (DBSnapshotIdentifier, SnapshotIdentifier) and global secondary
#   clusters follow their cluster or source and are not reported.
# related_resources:
#   - ref: https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/Overview.Encryption.html
# custom:
#   id: ONUS-AWS-021
#   severity: high
#   category: encryption
#   layer: data-access
#   targets:
#     - kind: terraform
#       types: [aws_db_instance, aws_rds_cluster]
#     - kind: cloudformation
#       types: ["AWS::RDS::DBInstance", "AWS::RDS::DBCluster"]
#   controls:
#     cis-aws: ["2.3.1"]
#     nist-800-53: ["SC-13", "SC-28", "SC-28(1)"]
#     csa-ccm: ["CEK-03"]
#     pci-dss: ["3.5.1"]
#   remediation: |
#     Set storage_encrypted = true (with a customer managed kms_key_id where
#     key control matters). For an existing database, copy a snapshot with
#     encryption and restore from it.
#     In CloudFormation, set StorageEncrypted: true (and KmsKeyId).
package onus.aws.rds_encryption

import data.onus.lib.aws.rds

deny contains {"msg": "the database's storage, backups and snapshots are not encrypted", "path": s.path} if {
	s := rds.storage_encrypted(input.resource)
	s.value != true
	not rds.replica(input.resource)
	not rds.restored(input.resource)
	not rds.secondary(input.resource)
}
