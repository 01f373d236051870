package onus.aws.ecr_scan_on_push_test

import data.onus.aws.ecr_scan_on_push
import data.onus.lib.aws.fixture as fx

repo(attrs) := fx.tf("aws_ecr_repository", "r", object.union({"name": "app"}, attrs))

deny(r, rs) := d if {
	d := ecr_scan_on_push.deny with input.resource as r with data.onus.estate as fx.estate(rs)
}

test_not_scanned if {
	r := repo({})
	[f] := [f | some f in deny(r, [r])]
	f.path == "image_scanning_configuration[0].scan_on_push"
	not f.undetermined
}

test_scan_on_push if {
	r := repo({"image_scanning_configuration": [{"scan_on_push": true}]})
	count(deny(r, [r])) == 0
}

test_registry_rule_matches if {
	r := repo({})
	c := fx.tf("aws_ecr_registry_scanning_configuration", "c", {"scan_type": "BASIC", "rule": [{"scan_frequency": "SCAN_ON_PUSH", "repository_filter": [{"filter": "ap*", "filter_type": "WILDCARD"}]}]})
	count(deny(r, [r, c])) == 0
}

test_registry_rule_for_other_repositories if {
	r := repo({})
	c := fx.tf("aws_ecr_registry_scanning_configuration", "c", {"scan_type": "BASIC", "rule": [{"scan_frequency": "SCAN_ON_PUSH", "repository_filter": [{"filter": "prod-*", "filter_type": "WILDCARD"}]}]})
	count(deny(r, [r, c])) == 1
}

test_enhanced_registry if {
	r := repo({})
	c := fx.tf("aws_ecr_registry_scanning_configuration", "c", {"scan_type": "ENHANCED"})
	count(deny(r, [r, c])) == 0
}

test_unknown_registry_is_undetermined if {
	r := repo({})
	c := fx.unknown(fx.tf("aws_ecr_registry_scanning_configuration", "c", {}), ["scan_type"])
	[f] := [f | some f in deny(r, [r, c])]
	f.undetermined
}
