# METADATA
# title: RDS IAM database authentication is off
# description: |
#   With IAM database authentication, applications connect with short-lived
#   tokens derived from their IAM role instead of long-lived passwords that
#   end up in configuration files and environment variables, and access is
#   revoked with the role. Checked on aws_db_instance and aws_rds_cluster
#   for the engines that support it: MySQL, MariaDB, PostgreSQL and their
#   Aurora versions.
#   In CloudFormation the setting is EnableIAMDatabaseAuthentication of
#   AWS::RDS::DBInstance and AWS::RDS::DBCluster, read from the Engine
#   property; instances of a cluster (with a DBClusterIdentifier) follow the
#   cluster.
# related_resources:
#   - ref: https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/UsingWithRDS.IAMDBAuth.html
# custom:
#   id: ONUS-AWS-024
#   severity: medium
#   category: identity
#   layer: data-access
#   targets:
#     - kind: terraform
#       types: [aws_db_instance, aws_rds_cluster]
#     - kind: cloudformation
#       types: ["AWS::RDS::DBInstance", "AWS::RDS::DBCluster"]
#   controls:
#     nist-800-53: ["AC-2(1)", "AC-3", "IA-5"]
#     csa-ccm: ["IAM-14", "IAM-16"]
#     pci-dss: ["8.3.1"]
#   remediation: |
#     Set iam_database_authentication_enabled = true, create database users
#     mapped to IAM (GRANT rds_iam / AWSAuthenticationPlugin), and give each
#     application role rds-db:connect on its user only.
#     In CloudFormation, set EnableIAMDatabaseAuthentication: true.
package onus.aws.rds_iam_auth

import data.onus.lib.aws.rds

deny contains {"msg": msg, "path": s.path} if {
	s := rds.iam_auth(input.resource)
	s.value != true
	not rds.replica(input.resource)
	msg := sprintf("IAM database authentication is off: %s users log in with long-lived passwords", [rds.engine(input.resource)])
}
