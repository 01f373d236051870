package onus.aws.ebs_encryption_test

import data.onus.aws.ebs_encryption
import data.onus.lib.aws.fixture as fx

deny(r, rs) := d if {
	d := ebs_encryption.deny with input.resource as r with data.onus.estate as fx.estate(rs)
}

test_volume_unencrypted if {
	r := fx.tf("aws_ebs_volume", "v", {"size": 10})
	[f] := [f | some f in deny(r, [r])]
	f.paths[0] == "encrypted"
}

test_volume_from_snapshot if {
	r := fx.tf("aws_ebs_volume", "v", {"snapshot_id": "snap-1"})
	count(deny(r, [r])) == 0
}

test_instance_root_and_data_devices if {
	r := fx.tf("aws_instance", "i", {"root_block_device": [{"encrypted": true}], "ebs_block_device": [{"device_name": "/dev/sdf"}, {"encrypted": true}]})
	paths := {f.paths[0] | some f in deny(r, [r])}
	paths == {"ebs_block_device[0].encrypted"}
}

test_instance_without_root_device if {
	r := fx.tf("aws_instance", "i", {})
	[f] := [f | some f in deny(r, [r])]
	f.paths[0] == "root_block_device[0].encrypted"
}

test_launch_template_string_values if {
	r := fx.tf("aws_launch_template", "t", {"block_device_mappings": [
		{"device_name": "/dev/xvda", "ebs": [{"encrypted": "true"}]},
		{"device_name": "/dev/xvdb", "ebs": [{"encrypted": "false"}]},
	]})
	paths := {f.paths[0] | some f in deny(r, [r])}
	paths == {"block_device_mappings[1].ebs[0].encrypted"}
}

test_default_encryption_covers if {
	r := fx.tf("aws_ebs_volume", "v", {})
	d := fx.tf("aws_ebs_encryption_by_default", "d", {"enabled": true})
	count(deny(r, [r, d])) == 0
}

test_default_encryption_disabled_does_not_cover if {
	r := fx.tf("aws_ebs_volume", "v", {})
	d := fx.tf("aws_ebs_encryption_by_default", "d", {"enabled": false})
	count(deny(r, [r, d])) == 1
}

test_unknown_default_is_undetermined if {
	r := fx.tf("aws_ebs_volume", "v", {})
	d := fx.unknown(fx.tf("aws_ebs_encryption_by_default", "d", {}), ["enabled"])
	[f] := [f | some f in deny(r, [r, d])]
	f.undetermined
}

test_unknown_encrypted_points_at_itself if {
	r := fx.unknown(fx.tf("aws_ebs_volume", "v", {}), ["encrypted"])
	[f] := [f | some f in deny(r, [r])]
	f.paths[0] == "encrypted"
}

# --- CloudFormation ----------------------------------------------------------

test_cfn_volume_unencrypted if {
	r := fx.cfn("AWS::EC2::Volume", "V", {"Size": 10})
	[f] := [f | some f in deny(r, [r])]
	f.paths[0] == "Encrypted"
}

test_cfn_volume_encrypted_from_parameter if {
	r := fx.cfn("AWS::EC2::Volume", "V", {"Size": 10, "Encrypted": "true"})
	count(deny(r, [r])) == 0
}

test_cfn_volume_from_snapshot if {
	r := fx.cfn("AWS::EC2::Volume", "V", {"SnapshotId": "snap-1"})
	count(deny(r, [r])) == 0
}

test_cfn_instance_without_mappings if {
	r := fx.cfn("AWS::EC2::Instance", "I", {"ImageId": "ami-1"})
	[f] := [f | some f in deny(r, [r])]
	f.paths[0] == "BlockDeviceMappings"
}

test_cfn_instance_mappings if {
	r := fx.cfn("AWS::EC2::Instance", "I", {"BlockDeviceMappings": [
		{"DeviceName": "/dev/xvda", "Ebs": {"Encrypted": true}},
		{"DeviceName": "/dev/xvdb", "Ebs": {"VolumeSize": 100}},
		{"DeviceName": "/dev/xvdc", "VirtualName": "ephemeral0"},
	]})
	paths := {f.paths[0] | some f in deny(r, [r])}
	paths == {"BlockDeviceMappings[1].Ebs.Encrypted"}
}

test_cfn_launch_template_mappings if {
	r := fx.cfn("AWS::EC2::LaunchTemplate", "T", {"LaunchTemplateData": {"BlockDeviceMappings": [{"DeviceName": "/dev/xvda", "Ebs": {"Encrypted": "false"}}]}})
	[f] := [f | some f in deny(r, [r])]
	f.paths[0] == "LaunchTemplateData.BlockDeviceMappings[0].Ebs.Encrypted"
}

# A launch template without mappings declares no volume.
test_cfn_launch_template_without_mappings if {
	r := fx.cfn("AWS::EC2::LaunchTemplate", "T", {"LaunchTemplateData": {"ImageId": "ami-1"}})
	count(deny(r, [r])) == 0
}

# A snapshot from a parameter without a value may carry encryption: the
# result names the snapshot path, which makes it undetermined.
test_cfn_volume_unknown_snapshot if {
	r := fx.unknown(fx.cfn("AWS::EC2::Volume", "V", {}), ["SnapshotId"])
	[f] := [f | some f in deny(r, [r])]
	f.paths == ["Encrypted", "SnapshotId"]
}

test_cfn_root_volume_has_no_snapshot_path if {
	r := fx.cfn("AWS::EC2::Instance", "I", {})
	[f] := [f | some f in deny(r, [r])]
	f.paths == ["BlockDeviceMappings"]
}
