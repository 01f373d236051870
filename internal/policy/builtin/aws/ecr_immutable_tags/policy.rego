# METADATA
# title: ECR repository tags are mutable
# description: |
#   With mutable tags, anyone who can push can replace the image behind
#   app:1.4.2, and every deployment that pulls that tag runs the new
#   content: a supply-chain attack that leaves manifests untouched. Image
#   tag immutability (IMMUTABLE, or IMMUTABLE_WITH_EXCLUSION for chosen
#   tags such as latest) makes a pushed tag permanent.
#   In CloudFormation the setting is ImageTagMutability of
#   AWS::ECR::Repository.
# related_resources:
#   - ref: https://docs.aws.amazon.com/AmazonECR/latest/userguide/image-tag-mutability.html
# custom:
#   id: ONUS-AWS-056
#   severity: low
#   category: configuration
#   layer: application
#   targets:
#     - kind: terraform
#       types: [aws_ecr_repository]
#     - kind: cloudformation
#       types: ["AWS::ECR::Repository"]
#   controls:
#     nist-800-53: ["CM-2", "SI-7"]
#     csa-ccm: ["CCC-04"]
#     pci-dss: ["6.5.1"]
#   remediation: |
#     Set image_tag_mutability = "IMMUTABLE" and deploy by tag or, better,
#     by digest.
#     In CloudFormation, set ImageTagMutability: IMMUTABLE.
package onus.aws.ecr_immutable_tags

import data.onus.lib.aws.ecr

deny contains {"msg": msg, "path": m.path} if {
	m := ecr.tag_mutability(input.resource)
	not m.value in {"IMMUTABLE", "IMMUTABLE_WITH_EXCLUSION"}
	msg := sprintf("image tags are %s: a push can silently replace a deployed image", [lower(m.value)])
}
