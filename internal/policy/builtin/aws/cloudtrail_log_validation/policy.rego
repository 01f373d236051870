# METADATA
# title: CloudTrail log file validation is off
# description: |
#   With log file validation CloudTrail writes signed digest files, so a
#   log file deleted or edited after delivery (by an intruder covering their
#   tracks) is detected. Without it nothing proves the logs are complete.
#   In CloudFormation the setting is EnableLogFileValidation of
#   AWS::CloudTrail::Trail.
# related_resources:
#   - ref: https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-log-file-validation-intro.html
# custom:
#   id: ONUS-AWS-036
#   severity: medium
#   category: logging
#   layer: data-access
#   targets:
#     - kind: terraform
#       types: [aws_cloudtrail]
#     - kind: cloudformation
#       types: ["AWS::CloudTrail::Trail"]
#   controls:
#     cis-aws: ["3.2"]
#     nist-800-53: ["AU-9", "SI-7", "SI-7(1)"]
#     csa-ccm: ["LOG-02", "LOG-09"]
#     pci-dss: ["10.3.4"]
#   remediation: |
#     Set enable_log_file_validation = true, and check digests with
#     aws cloudtrail validate-logs during investigations.
#     In CloudFormation, set EnableLogFileValidation: true.
package onus.aws.cloudtrail_log_validation

import data.onus.lib.aws.cloudtrail

deny contains {"msg": "log file validation is off: tampering with delivered logs would go unnoticed", "path": s.path} if {
	s := cloudtrail.log_file_validation(input.resource)
	s.value != true
}
