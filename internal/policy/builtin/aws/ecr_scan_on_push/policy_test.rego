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

cfn_repo(props) := fx.cfn("AWS::ECR::Repository", "Repo", props)

test_cfn_not_scanned if {
	r := cfn_repo({"RepositoryName": "app"})
	[f] := [f | some f in deny(r, [r])]
	f.path == "ImageScanningConfiguration.ScanOnPush"
	not f.undetermined
}

test_cfn_scan_on_push if {
	r := cfn_repo({"ImageScanningConfiguration": {"ScanOnPush": true}})
	count(deny(r, [r])) == 0
	s := cfn_repo({"ImageScanningConfiguration": {"ScanOnPush": "true"}})
	count(deny(s, [s])) == 0
}

test_cfn_registry_rule if {
	r := cfn_repo({"RepositoryName": "app"})
	c := fx.cfn("AWS::ECR::RegistryScanningConfiguration", "Scanning", {"ScanType": "BASIC", "Rules": [{"ScanFrequency": "SCAN_ON_PUSH", "RepositoryFilters": [{"Filter": "ap*", "FilterType": "WILDCARD"}]}]})
	count(deny(r, [r, c])) == 0
	other := fx.cfn("AWS::ECR::RegistryScanningConfiguration", "Scanning", {"ScanType": "BASIC", "Rules": [{"ScanFrequency": "SCAN_ON_PUSH", "RepositoryFilters": [{"Filter": "prod-*", "FilterType": "WILDCARD"}]}]})
	count(deny(r, [r, other])) == 1
}

test_cfn_enhanced_registry if {
	r := cfn_repo({})
	c := fx.cfn("AWS::ECR::RegistryScanningConfiguration", "Scanning", {"ScanType": "ENHANCED", "Rules": []})
	count(deny(r, [r, c])) == 0
}

# A registry configuration of another template does not count.
test_cfn_registry_of_other_template if {
	r := cfn_repo({})
	c := object.union(fx.cfn("AWS::ECR::RegistryScanningConfiguration", "Scanning", {"ScanType": "ENHANCED"}), {"id": "other.yaml#Scanning"})
	count(deny(r, [r, c])) == 1
}

test_cfn_unknown_registry_is_undetermined if {
	r := cfn_repo({})
	c := fx.unknown(fx.cfn("AWS::ECR::RegistryScanningConfiguration", "Scanning", {}), ["ScanType"])
	[f] := [f | some f in deny(r, [r, c])]
	f.undetermined
}
