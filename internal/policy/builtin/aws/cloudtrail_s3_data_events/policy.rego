# METADATA
# title: CloudTrail does not record S3 object-level events
# description: |
#   Management events say who changed a bucket's policy, not who read or
#   wrote its objects: without S3 data events, an exfiltration like the 2019
#   Capital One breach (objects listed and downloaded with a stolen role)
#   leaves no trace in CloudTrail. A trail records them with an
#   event_selector whose data_resource has type AWS::S3::Object, or with an
#   advanced_event_selector selecting eventCategory Data and resources.type
#   AWS::S3::Object. Read and write events are judged separately
#   (read_write_type, or the readOnly field selector).
#   In CloudFormation the selectors are EventSelectors (DataResources Type
#   AWS::S3::Object, ReadWriteType) and AdvancedEventSelectors
#   (FieldSelectors) of AWS::CloudTrail::Trail.
# related_resources:
#   - ref: https://docs.aws.amazon.com/awscloudtrail/latest/userguide/logging-data-events-with-cloudtrail.html
# custom:
#   id: ONUS-AWS-038
#   severity: medium
#   category: logging
#   layer: data-access
#   targets:
#     - kind: terraform
#       types: [aws_cloudtrail]
#     - kind: cloudformation
#       types: ["AWS::CloudTrail::Trail"]
#   controls:
#     cis-aws: ["3.8", "3.9"]
#     nist-800-53: ["AU-2", "AU-3", "AU-12"]
#     csa-ccm: ["LOG-07", "LOG-08"]
#     pci-dss: ["10.2.1"]
#   remediation: |
#     Add an advanced_event_selector with field_selector eventCategory = Data
#     and resources.type = AWS::S3::Object (narrowed to the buckets that hold
#     sensitive data with resources.ARN if cost matters), or an event_selector
#     with data_resource { type = "AWS::S3::Object", values = ["arn:aws:s3"] }.
#     In CloudFormation, add an EventSelectors entry with DataResources of
#     Type AWS::S3::Object, or AdvancedEventSelectors selecting
#     eventCategory Data and resources.type AWS::S3::Object.
package onus.aws.cloudtrail_s3_data_events

import data.onus.lib.aws.cloudtrail

deny contains result if {
	paths := cloudtrail.selector_paths(input.resource)
	missing := [kind | some kind in ["read", "write"]; not recorded(kind)]
	count(missing) > 0
	result := {
		"msg": sprintf("the trail records no S3 object-level %s events", [concat(" or ", missing)]),
		"paths": paths,
	}
}

# Basic event selectors.
recorded(kind) if {
	some sel in cloudtrail.basic_selectors(input.resource)
	"AWS::S3::Object" in sel.data_types
	covers(sel.read_write, kind)
}

covers("All", _)

covers("ReadOnly", "read")

covers("WriteOnly", "write")

# Advanced event selectors.
recorded(kind) if {
	some fields in cloudtrail.advanced_selectors(input.resource)
	selects(fields, "eventCategory", "Data")
	selects(fields, "resources.type", "AWS::S3::Object")
	read_only_covers(fields, kind)
}

selects(fields, field, value) if {
	some f in fields
	f.field == field
	value in f.equals
}

read_only_covers(fields, _) if {
	not has_field(fields, "readOnly")
}

read_only_covers(fields, "read") if selects(fields, "readOnly", "true")

read_only_covers(fields, "write") if selects(fields, "readOnly", "false")

has_field(fields, field) if {
	some f in fields
	f.field == field
}
