# METADATA
# title: CloudTrail trail does not cover every region
# description: |
#   A single-region trail records nothing of what happens in the other
#   regions, which is exactly where an intruder starts instances or copies
#   snapshots to stay unseen. A multi-region trail also records global
#   service events (IAM, STS, CloudFront) once.
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
#   controls:
#     cis-aws: ["3.1"]
#     nist-800-53: ["AU-2", "AU-3", "AU-12"]
#     csa-ccm: ["LOG-07", "LOG-08"]
#     pci-dss: ["10.2.1"]
#   remediation: |
#     Set is_multi_region_trail = true and include_global_service_events = true
#     (and is_organization_trail = true on the management account of an
#     organisation).
package onus.aws.cloudtrail_multi_region

deny contains {"msg": "the trail records one region only", "path": "is_multi_region_trail"} if {
	input.resource.kind == "terraform"
	object.get(input.resource.attrs, "is_multi_region_trail", false) != true
}

deny contains {"msg": "the trail is declared with logging turned off", "path": "enable_logging"} if {
	input.resource.kind == "terraform"
	input.resource.attrs.enable_logging == false
}
