# METADATA
# title: AWS CloudTrail facts
# description: |
#   Settings of a trail (aws_cloudtrail, AWS::CloudTrail::Trail) read per
#   format, each with the attribute path a finding points at. CloudFormation
#   booleans written as strings (from parameters) are normalised.
package onus.lib.aws.cloudtrail

import data.onus.lib.aws

is_trail(r) if {
	r.kind == "terraform"
	r.type == "aws_cloudtrail"
}

is_trail(r) if {
	r.kind == "cloudformation"
	r.type == "AWS::CloudTrail::Trail"
}

# flag reads a boolean setting: {"value" (def when unset), "path"}.
flag(r, names, def) := {"value": normal(s.value), "path": s.path} if {
	is_trail(r)
	s := aws.setting(r, names, def)
}

normal(v) := b if {
	b := aws.bool(v)
} else := v

# kms_key returns where the trail's KMS key is set: {"set", "path"}.
kms_key(r) := {"set": configured(r, p), "path": p} if {
	is_trail(r)
	p := {"terraform": "kms_key_id", "cloudformation": "KMSKeyId"}[r.kind]
}

default configured(_, _) := false

configured(r, p) if aws.configured(r, p)

log_file_validation(r) := flag(r, {"terraform": ["enable_log_file_validation"], "cloudformation": ["EnableLogFileValidation"]}, false)

multi_region(r) := flag(r, {"terraform": ["is_multi_region_trail"], "cloudformation": ["IsMultiRegionTrail"]}, false)

# logging is whether the trail records at all (IsLogging is required in
# CloudFormation; Terraform's enable_logging defaults to true).
logging(r) := flag(r, {"terraform": ["enable_logging"], "cloudformation": ["IsLogging"]}, true)

# selector_paths names the attributes that hold event selectors.
selector_paths(r) := ["event_selector", "advanced_event_selector"] if {
	is_trail(r)
	r.kind == "terraform"
}

selector_paths(r) := ["EventSelectors", "AdvancedEventSelectors"] if {
	is_trail(r)
	r.kind == "cloudformation"
}

# basic_selectors returns the trail's basic event selectors as
# [{"read_write", "data_types"}] (read_write defaults to All).
basic_selectors(r) := [{
	"read_write": object.get(sel, "read_write_type", "All"),
	"data_types": [d.type | some d in object.get(sel, "data_resource", [])],
} |
	some sel in object.get(r.attrs, "event_selector", [])
] if {
	is_trail(r)
	r.kind == "terraform"
}

basic_selectors(r) := [{
	"read_write": object.get(sel, "ReadWriteType", "All"),
	"data_types": [d.Type | some d in object.get(sel, "DataResources", []); is_object(d)],
} |
	some sel in object.get(r.attrs, "EventSelectors", [])
	is_object(sel)
] if {
	is_trail(r)
	r.kind == "cloudformation"
}

# advanced_selectors returns the field selectors of each advanced event
# selector: [[{"field", "equals"}]].
advanced_selectors(r) := [[{"field": f.field, "equals": object.get(f, "equals", [])} | some f in object.get(sel, "field_selector", [])] |
	some sel in object.get(r.attrs, "advanced_event_selector", [])
] if {
	is_trail(r)
	r.kind == "terraform"
}

advanced_selectors(r) := [[{"field": f.Field, "equals": object.get(f, "Equals", [])} | some f in object.get(sel, "FieldSelectors", []); is_object(f)] |
	some sel in object.get(r.attrs, "AdvancedEventSelectors", [])
	is_object(sel)
] if {
	is_trail(r)
	r.kind == "cloudformation"
}
