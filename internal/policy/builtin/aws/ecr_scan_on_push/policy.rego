# METADATA
# title: ECR repository images are not scanned on push
# description: |
#   Scanning on push reports the known vulnerabilities of every image as it
#   arrives, before it is deployed. A repository is covered by
#   image_scanning_configuration.scan_on_push, or by an
#   aws_ecr_registry_scanning_configuration of the same root module with
#   scan_type ENHANCED or a SCAN_ON_PUSH or CONTINUOUS_SCAN rule whose
#   repository filter matches the repository name.
#   In CloudFormation the repository setting is
#   ImageScanningConfiguration.ScanOnPush of AWS::ECR::Repository, and the
#   registry configuration an AWS::ECR::RegistryScanningConfiguration of the
#   same template (ScanType, Rules with ScanFrequency and
#   RepositoryFilters); a repository whose RepositoryName is generated is
#   matched by a filter of * only.
# related_resources:
#   - ref: https://docs.aws.amazon.com/AmazonECR/latest/userguide/image-scanning.html
# custom:
#   id: ONUS-AWS-055
#   severity: medium
#   category: vulnerability
#   layer: application
#   targets:
#     - kind: terraform
#       types: [aws_ecr_repository]
#     - kind: cloudformation
#       types: ["AWS::ECR::Repository"]
#   controls:
#     nist-800-53: ["RA-5", "SI-2"]
#     csa-ccm: ["TVM-07"]
#     pci-dss: ["6.3.1", "11.3.1"]
#   remediation: |
#     Set image_scanning_configuration { scan_on_push = true }, or turn on
#     enhanced scanning for the registry with aws_ecr_registry_scanning_configuration.
#     In CloudFormation, set ImageScanningConfiguration ScanOnPush: true, or
#     declare an AWS::ECR::RegistryScanningConfiguration with ScanType
#     ENHANCED.
package onus.aws.ecr_scan_on_push

import data.onus.lib.aws.ecr

deny contains result if {
	s := ecr.scan_on_push(input.resource)
	s.value != true
	registry := registry_scanning
	registry != "true"
	result := {
		"msg": "images pushed to the repository are not scanned for vulnerabilities",
		"path": s.path,
		"undetermined": registry == "unknown",
	}
}

registry_scanning := "true" if {
	some c in ecr.registry_configs(input.resource)
	covers(c)
} else := "unknown" if {
	some c in ecr.registry_configs(input.resource)
	c.unknown
} else := "false"

covers(c) if c.enhanced

covers(c) if {
	some rule in c.rules
	rule.frequency in {"SCAN_ON_PUSH", "CONTINUOUS_SCAN"}
	some f in rule.filters
	f.type == "WILDCARD"
	glob.match(f.filter, [], ecr.name(input.resource))
}
