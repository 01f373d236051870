package onus.aws.cloudtrail_s3_data_events_test

import data.onus.aws.cloudtrail_s3_data_events
import data.onus.lib.aws.fixture as fx

deny(attrs) := d if {
	d := cloudtrail_s3_data_events.deny with input.resource as fx.tf("aws_cloudtrail", "t", attrs)
}

test_management_only if {
	[f] := [f | some f in deny({})]
	contains(f.msg, "read or write")
	f.paths == ["event_selector", "advanced_event_selector"]
}

test_basic_selector_all if {
	count(deny({"event_selector": [{"data_resource": [{"type": "AWS::S3::Object", "values": ["arn:aws:s3"]}]}]})) == 0
}

test_basic_selector_write_only if {
	[f] := [f | some f in deny({"event_selector": [{"read_write_type": "WriteOnly", "data_resource": [{"type": "AWS::S3::Object", "values": ["arn:aws:s3"]}]}]})]
	contains(f.msg, "object-level read events")
}

test_lambda_data_events_do_not_count if {
	count(deny({"event_selector": [{"data_resource": [{"type": "AWS::Lambda::Function", "values": ["arn:aws:lambda"]}]}]})) == 1
}

test_advanced_selector if {
	count(deny({"advanced_event_selector": [{"field_selector": [
		{"field": "eventCategory", "equals": ["Data"]},
		{"field": "resources.type", "equals": ["AWS::S3::Object"]},
	]}]})) == 0
}

test_advanced_selector_read_only if {
	[f] := [f | some f in deny({"advanced_event_selector": [{"field_selector": [
		{"field": "eventCategory", "equals": ["Data"]},
		{"field": "resources.type", "equals": ["AWS::S3::Object"]},
		{"field": "readOnly", "equals": ["true"]},
	]}]})]
	contains(f.msg, "write events")
}

# Selectors built by a dynamic block over an unknown collection are
# unknown: the result names them and the engine counts it as undetermined.
test_unknown_selectors_named if {
	r := fx.unknown(fx.tf("aws_cloudtrail", "t", {}), ["advanced_event_selector"])
	[f] := [f | some f in cloudtrail_s3_data_events.deny with input.resource as r]
	"advanced_event_selector" in f.paths
}

cfn_deny(props) := d if {
	d := cloudtrail_s3_data_events.deny with input.resource as fx.cfn("AWS::CloudTrail::Trail", "Trail", props)
}

test_cfn_management_only if {
	[f] := [f | some f in cfn_deny({"IsLogging": true})]
	contains(f.msg, "read or write")
	f.paths == ["EventSelectors", "AdvancedEventSelectors"]
}

test_cfn_basic_selector if {
	count(cfn_deny({"EventSelectors": [{"DataResources": [{"Type": "AWS::S3::Object", "Values": ["arn:aws:s3"]}]}]})) == 0
	[f] := [f | some f in cfn_deny({"EventSelectors": [{"ReadWriteType": "ReadOnly", "DataResources": [{"Type": "AWS::S3::Object", "Values": ["arn:aws:s3"]}]}]})]
	contains(f.msg, "object-level write events")
}

test_cfn_lambda_data_events_do_not_count if {
	count(cfn_deny({"EventSelectors": [{"DataResources": [{"Type": "AWS::Lambda::Function", "Values": ["arn:aws:lambda"]}]}]})) == 1
}

test_cfn_advanced_selector if {
	count(cfn_deny({"AdvancedEventSelectors": [{"FieldSelectors": [
		{"Field": "eventCategory", "Equals": ["Data"]},
		{"Field": "resources.type", "Equals": ["AWS::S3::Object"]},
	]}]})) == 0
	[f] := [f | some f in cfn_deny({"AdvancedEventSelectors": [{"FieldSelectors": [
		{"Field": "eventCategory", "Equals": ["Data"]},
		{"Field": "resources.type", "Equals": ["AWS::S3::Object"]},
		{"Field": "readOnly", "Equals": ["false"]},
	]}]})]
	contains(f.msg, "object-level read events")
}
