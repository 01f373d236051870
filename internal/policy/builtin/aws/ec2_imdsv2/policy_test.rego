package onus.aws.ec2_imdsv2_test

import data.onus.aws.ec2_imdsv2
import data.onus.lib.aws.fixture as fx

deny(r, rs) := d if {
	d := ec2_imdsv2.deny with input.resource as r with data.onus.estate as fx.estate(rs)
}

test_optional_tokens if {
	r := fx.tf("aws_instance", "web", {"metadata_options": [{"http_tokens": "optional"}]})
	[f] := [f | some f in deny(r, [r])]
	f.path == "metadata_options[0].http_tokens"
	not f.undetermined
}

test_unset_tokens if {
	r := fx.tf("aws_instance", "web", {"ami": "ami-1"})
	[f] := [f | some f in deny(r, [r])]
	f.path == "metadata_options[0].http_tokens"
	contains(f.msg, "unset")
}

test_required_tokens if {
	r := fx.tf("aws_launch_template", "web", {"metadata_options": [{"http_tokens": "required"}]})
	count(deny(r, [r])) == 0
}

test_endpoint_disabled if {
	r := fx.tf("aws_launch_configuration", "web", {"metadata_options": [{"http_endpoint": "disabled"}]})
	count(deny(r, [r])) == 0
}

test_account_default_required if {
	r := fx.tf("aws_instance", "web", {})
	d := fx.tf("aws_ec2_instance_metadata_defaults", "d", {"http_tokens": "required"})
	count(deny(r, [r, d])) == 0
}

test_explicit_optional_overrides_account_default if {
	r := fx.tf("aws_instance", "web", {"metadata_options": [{"http_tokens": "optional"}]})
	d := fx.tf("aws_ec2_instance_metadata_defaults", "d", {"http_tokens": "required"})
	count(deny(r, [r, d])) == 1
}

test_unknown_account_default_is_undetermined if {
	r := fx.tf("aws_instance", "web", {})
	d := fx.unknown(fx.tf("aws_ec2_instance_metadata_defaults", "d", {}), ["http_tokens"])
	[f] := [f | some f in deny(r, [r, d])]
	f.undetermined
}

# An unknown http_tokens is absent from attrs; the finding names its path,
# which the engine treats as undetermined.
test_unknown_tokens_points_at_itself if {
	r := fx.unknown(fx.tf("aws_instance", "web", {"metadata_options": [{}]}), ["metadata_options[0].http_tokens"])
	[f] := [f | some f in deny(r, [r])]
	f.path == "metadata_options[0].http_tokens"
}

# --- CloudFormation ----------------------------------------------------------

test_cfn_instance_without_options if {
	r := fx.cfn("AWS::EC2::Instance", "Web", {"ImageId": "ami-1"})
	[f] := [f | some f in deny(r, [r])]
	f.path == "MetadataOptions.HttpTokens"
	contains(f.msg, "MetadataOptions.HttpTokens is unset")
}

test_cfn_instance_required if {
	r := fx.cfn("AWS::EC2::Instance", "Web", {"MetadataOptions": {"HttpTokens": "required"}})
	count(deny(r, [r])) == 0
}

test_cfn_endpoint_disabled if {
	r := fx.cfn("AWS::AutoScaling::LaunchConfiguration", "Lc", {"MetadataOptions": {"HttpEndpoint": "disabled"}})
	count(deny(r, [r])) == 0
}

test_cfn_launch_template_optional if {
	r := fx.cfn("AWS::EC2::LaunchTemplate", "Lt", {"LaunchTemplateData": {"MetadataOptions": {"HttpTokens": "optional"}}})
	[f] := [f | some f in deny(r, [r])]
	f.path == "LaunchTemplateData.MetadataOptions.HttpTokens"
	contains(f.msg, "\"optional\"")
}

# An instance launched from a launch template is judged on the template.
test_cfn_instance_from_launch_template if {
	r := fx.cfn("AWS::EC2::Instance", "Web", {"LaunchTemplate": {"Version": "1"}})
	count(deny(r, [r])) == 0
}

test_cfn_tokens_from_unknown_parameter if {
	r := fx.unknown(fx.cfn("AWS::EC2::Instance", "Web", {"MetadataOptions": {}}), ["MetadataOptions.HttpTokens"])
	[f] := [f | some f in deny(r, [r])]
	f.path == "MetadataOptions.HttpTokens"
}
