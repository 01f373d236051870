# METADATA
# title: ECR repository images are not scanned on push
# description: |
#   Scanning on push reports the known vulnerabilities of every image as it
#   arrives, before it is deployed. A repository is covered by
#   image_scanning_configuration.scan_on_push, or by an
#   aws_ecr_registry_scanning_configuration of the same root module with
#   scan_type ENHANCED or a SCAN_ON_PUSH or CONTINUOUS_SCAN rule whose
#   repository filter matches the repository name.
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
#   controls:
#     nist-800-53: ["RA-5", "SI-2"]
#     csa-ccm: ["TVM-07"]
#     pci-dss: ["6.3.1", "11.3.1"]
#   remediation: |
#     Set image_scanning_configuration { scan_on_push = true }, or turn on
#     enhanced scanning for the registry with aws_ecr_registry_scanning_configuration.
package onus.aws.ecr_scan_on_push

import data.onus.lib.aws

deny contains result if {
	input.resource.kind == "terraform"
	object.get(input.resource.attrs, ["image_scanning_configuration", 0, "scan_on_push"], false) != true
	registry := registry_scanning
	registry != "true"
	result := {
		"msg": "images pushed to the repository are not scanned for vulnerabilities",
		"path": "image_scanning_configuration[0].scan_on_push",
		"undetermined": registry == "unknown",
	}
}

registry_scanning := "true" if {
	some c in aws.in_unit(input.resource, "aws_ecr_registry_scanning_configuration")
	covers(c)
} else := "unknown" if {
	some c in aws.in_unit(input.resource, "aws_ecr_registry_scanning_configuration")
	count(c.unknown) > 0
} else := "false"

covers(c) if c.attrs.scan_type == "ENHANCED"

covers(c) if {
	some rule in object.get(c.attrs, "rule", [])
	rule.scan_frequency in {"SCAN_ON_PUSH", "CONTINUOUS_SCAN"}
	some f in object.get(rule, "repository_filter", [])
	object.get(f, "filter_type", "WILDCARD") == "WILDCARD"
	glob.match(f.filter, [], object.get(input.resource.attrs, "name", ""))
}
