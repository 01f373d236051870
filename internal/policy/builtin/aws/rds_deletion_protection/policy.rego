# METADATA
# title: RDS deletion protection is off
# description: |
#   Without deletion protection one API call, or a terraform destroy or a
#   replacement forced by a changed argument, deletes the database. Checked
#   on aws_db_instance and aws_rds_cluster (the members of a cluster are
#   protected through it).
#   In CloudFormation the setting is DeletionProtection of
#   AWS::RDS::DBInstance and AWS::RDS::DBCluster; an instance with a
#   DBClusterIdentifier is protected through its cluster.
# related_resources:
#   - ref: https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_DeleteInstance.html#USER_DeleteInstance.DeletionProtection
# custom:
#   id: ONUS-AWS-023
#   severity: low
#   category: resilience
#   layer: data-access
#   targets:
#     - kind: terraform
#       types: [aws_db_instance, aws_rds_cluster]
#     - kind: cloudformation
#       types: ["AWS::RDS::DBInstance", "AWS::RDS::DBCluster"]
#   controls:
#     nist-800-53: ["CM-3", "CP-9", "SC-5(2)"]
#     csa-ccm: ["BCR-08"]
#   remediation: |
#     Set deletion_protection = true; turning it off becomes a deliberate,
#     reviewed change before a real deletion.
#     In CloudFormation, set DeletionProtection: true (and DeletionPolicy:
#     Snapshot on the resource).
package onus.aws.rds_deletion_protection

import data.onus.lib.aws.rds

deny contains {"msg": "deletion protection is off: one call (or a forced replacement) deletes the database", "path": s.path} if {
	s := rds.deletion_protection(input.resource)
	s.value != true
}
