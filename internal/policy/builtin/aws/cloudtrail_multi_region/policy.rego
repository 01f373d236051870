# METADATA
# title: CloudTrail trail does not cover every region
# description: |
#   A single-region trail records nothing of what happens in the other
#   regions, which is exactly where an intruder starts instances or copies
#   snapshots to stay unseen. A multi-region trail also records global
#   service events (IAM, STS, CloudFront) once.
#   In CloudFormation the settings are IsMultiRegionTrail and IsLogging of
#   AWS::CloudTrail::Trail.
# related_resources:
#   - ref: https://docs.aws.amazon.com/awscloudtrail/latest/userguide/receive-cloudtrail-log-files-from-multiple-regions.html
# custom:
#   id: ONUS-AWS-035
#   severity: medium
#   category: logging
#   layer: data-access
#   targets:
#     - kind: terraform
#       types: [aws_cloudtrail]
#     - kind: cloudformation
#       types: ["AWS::CloudTrail::Trail"]
#   controls:
#     cis-aws: ["3.1"]
#     nist-800-53: ["AU-2", "AU-3", "AU-12"]
#     csa-ccm: ["LOG-07", "LOG-08"]
#     pci-dss: ["10.2.1"]
#   remediation: |
#     Set is_multi_region_trail = true and include_global_service_events = true
#     (and is_organization_trail = true on the management account of an
#     organisation).
#     In CloudFormation, set IsMultiRegionTrail: true and IsLogging: true.
package onus.aws.cloudtrail_multi_region

import data.onus.lib.aws.cloudtrail

deny contains {"msg": "the trail records one region only", "path": s.path} if {
	s := cloudtrail.multi_region(input.resource)
	s.value != true
}

deny contains {"msg": "the trail is declared with logging turned off", "path": s.path} if {
	s := cloudtrail.logging(input.resource)
	s.value == false
}
