# METADATA
# title: AWS ECR facts
# description: |
#   Repositories (aws_ecr_repository, AWS::ECR::Repository) and the
#   registry's scanning configuration (aws_ecr_registry_scanning_configuration,
#   AWS::ECR::RegistryScanningConfiguration) read per format. A registry
#   configuration counts for the repositories of its own deployment unit.
package onus.lib.aws.ecr

import data.onus.lib.aws

is_repository(r) if {
	r.kind == "terraform"
	r.type == "aws_ecr_repository"
}

is_repository(r) if {
	r.kind == "cloudformation"
	r.type == "AWS::ECR::Repository"
}

registry_type := {"terraform": "aws_ecr_registry_scanning_configuration", "cloudformation": "AWS::ECR::RegistryScanningConfiguration"}

# name returns the repository name ("" when CloudFormation generates it).
name(r) := object.get(r.attrs, {"terraform": "name", "cloudformation": "RepositoryName"}[r.kind], "") if is_repository(r)

# tag_mutability returns {"value" (MUTABLE when unset), "path"}.
tag_mutability(r) := aws.setting(r, {"terraform": ["image_tag_mutability"], "cloudformation": ["ImageTagMutability"]}, "MUTABLE") if is_repository(r)

# scan_on_push returns the repository's own scan on push setting:
# {"value" (false when unset), "path"}.
scan_on_push(r) := {"value": normal(s.value), "path": s.path} if {
	is_repository(r)
	s := aws.setting(r, {"terraform": ["image_scanning_configuration", 0, "scan_on_push"], "cloudformation": ["ImageScanningConfiguration", "ScanOnPush"]}, false)
}

normal(v) := b if {
	b := aws.bool(v)
} else := v

# registry_configs returns the registry scanning configurations of r's
# deployment unit: [{"enhanced", "rules": [{"frequency", "filters":
# [{"filter", "type"}]}], "unknown" (some of it is known only at
# deployment)}].
registry_configs(r) := [normalise_registry(c) | some c in aws.in_unit(r, registry_type[r.kind])]

normalise_registry(c) := {
	"enhanced": object.get(c.attrs, "scan_type", "") == "ENHANCED",
	"rules": [{
		"frequency": object.get(rule, "scan_frequency", ""),
		"filters": [{"filter": object.get(f, "filter", ""), "type": object.get(f, "filter_type", "WILDCARD")} | some f in object.get(rule, "repository_filter", [])],
	} |
		some rule in object.get(c.attrs, "rule", [])
	],
	"unknown": count(c.unknown) > 0,
} if c.kind == "terraform"

normalise_registry(c) := {
	"enhanced": object.get(c.attrs, "ScanType", "") == "ENHANCED",
	"rules": [{
		"frequency": object.get(rule, "ScanFrequency", ""),
		"filters": [{"filter": object.get(f, "Filter", ""), "type": object.get(f, "FilterType", "WILDCARD")} |
			some f in object.get(rule, "RepositoryFilters", [])
			is_object(f)
		],
	} |
		some rule in object.get(c.attrs, "Rules", [])
		is_object(rule)
	],
	"unknown": count(c.unknown) > 0,
} if c.kind == "cloudformation"
