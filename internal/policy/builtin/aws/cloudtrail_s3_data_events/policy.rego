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
package onus.aws.cloudtrail_s3_data_events

deny contains result if {
	input.resource.kind == "terraform"
	missing := [kind | some kind in ["read", "write"]; not recorded(kind)]
	count(missing) > 0
	result := {
		"msg": sprintf("the trail records no S3 object-level %s events", [concat(" or ", missing)]),
		"paths": ["event_selector", "advanced_event_selector"],
	}
}

# Basic event selectors.
recorded(kind) if {
	some sel in object.get(input.resource.attrs, "event_selector", [])
	some d in object.get(sel, "data_resource", [])
	d.type == "AWS::S3::Object"
	covers(object.get(sel, "read_write_type", "All"), kind)
}

covers("All", _)

covers("ReadOnly", "read")

covers("WriteOnly", "write")

# Advanced event selectors.
recorded(kind) if {
	some sel in object.get(input.resource.attrs, "advanced_event_selector", [])
	fields := object.get(sel, "field_selector", [])
	selects(fields, "eventCategory", "Data")
	selects(fields, "resources.type", "AWS::S3::Object")
	read_only_covers(fields, kind)
}

selects(fields, field, value) if {
	some f in fields
	f.field == field
	value in object.get(f, "equals", [])
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
