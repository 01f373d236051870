# METADATA
# title: RDS database is publicly accessible
# description: |
#   publicly_accessible gives the database a DNS name that resolves to a
#   public IP address: its login prompt faces the internet wherever its
#   security groups let traffic through, and credential stuffing or an engine
#   vulnerability is then one step from the data. Checked on aws_db_instance
#   and on Aurora cluster members (aws_rds_cluster_instance). On AWS the
#   network underneath RDS is the provider's, but this setting is the
#   customer's: the finding is owned "shared".
#   In CloudFormation the setting is PubliclyAccessible of
#   AWS::RDS::DBInstance (cluster members included); only an explicit true
#   is reported, since when it is unset AWS decides from the VPC and
#   subnets.
# related_resources:
#   - ref: https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_VPC.WorkingWithRDSInstanceinaVPC.html#USER_VPC.Hiding
# custom:
#   id: ONUS-AWS-020
#   severity: critical
#   category: network-exposure
#   layer: network
#   targets:
#     - kind: terraform
#       types: [aws_db_instance, aws_rds_cluster_instance]
#     - kind: cloudformation
#       types: ["AWS::RDS::DBInstance"]
#   controls:
#     cis-aws: ["2.3.3"]
#     nist-800-53: ["AC-3", "AC-4", "AC-21", "SC-7"]
#     csa-ccm: ["IVS-03", "DSP-17"]
#     pci-dss: ["1.4.4"]
#   remediation: |
#     Set publicly_accessible = false, place the database in private subnets
#     (its aws_db_subnet_group) and reach it from the application's security
#     group, or through a bastion or AWS Systems Manager port forwarding.
#     In CloudFormation, set PubliclyAccessible: false and a
#     DBSubnetGroupName of private subnets.
package onus.aws.rds_public

import data.onus.lib.aws.rds

deny contains {"msg": "the database is publicly accessible: it gets a public IP address and its endpoint resolves to it", "path": s.path} if {
	s := rds.public(input.resource)
	s.value == true
}
