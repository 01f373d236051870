# METADATA
# title: RDS automatic minor version upgrades are off
# description: |
#   Minor engine versions carry the security fixes of MySQL, PostgreSQL and
#   the other engines. AWS applies them in the maintenance window only when
#   auto_minor_version_upgrade is on (the default); turned off, the customer
#   must track and apply every fix. Under PaaS the middleware layer is
#   shared: AWS ships the patched engine, the customer decides whether it is
#   installed.
#   In CloudFormation the setting is AutoMinorVersionUpgrade of
#   AWS::RDS::DBInstance, cluster members included.
# related_resources:
#   - ref: https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_UpgradeDBInstance.Upgrading.html#USER_UpgradeDBInstance.Upgrading.AutoMinorVersionUpgrades
# custom:
#   id: ONUS-AWS-025
#   severity: medium
#   category: vulnerability
#   layer: middleware
#   targets:
#     - kind: terraform
#       types: [aws_db_instance, aws_rds_cluster_instance]
#     - kind: cloudformation
#       types: ["AWS::RDS::DBInstance"]
#   controls:
#     cis-aws: ["2.3.2"]
#     nist-800-53: ["SI-2", "SI-2(2)"]
#     csa-ccm: ["TVM-07"]
#     pci-dss: ["6.3.3"]
#   remediation: |
#     Set auto_minor_version_upgrade = true and a maintenance_window that
#     suits the workload.
#     In CloudFormation, set AutoMinorVersionUpgrade: true or leave it out.
package onus.aws.rds_minor_upgrades

import data.onus.lib.aws.rds

deny contains {"msg": "automatic minor version upgrades are off: engine security fixes are not applied", "path": s.path} if {
	s := rds.minor_upgrades(input.resource)
	s.value == false
}
