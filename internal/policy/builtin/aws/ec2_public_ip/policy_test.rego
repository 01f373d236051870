package onus.aws.ec2_public_ip_test

import data.onus.aws.ec2_public_ip
import data.onus.lib.aws.fixture as fx

test_instance_public_ip if {
	r := fx.tf("aws_instance", "web", {"associate_public_ip_address": true})
	[f] := [f | some f in ec2_public_ip.deny with input.resource as r]
	f.path == "associate_public_ip_address"
}

test_instance_private if {
	r := fx.tf("aws_instance", "web", {"associate_public_ip_address": false})
	count(ec2_public_ip.deny) == 0 with input.resource as r
}

test_launch_template_string_true if {
	r := fx.tf("aws_launch_template", "web", {"network_interfaces": [{"device_index": 0}, {"associate_public_ip_address": "true"}]})
	[f] := [f | some f in ec2_public_ip.deny with input.resource as r]
	f.path == "network_interfaces[1].associate_public_ip_address"
}

test_launch_configuration if {
	r := fx.tf("aws_launch_configuration", "web", {"associate_public_ip_address": true})
	count(ec2_public_ip.deny) == 1 with input.resource as r
}

# An unknown value is absent: nothing is concluded.
test_unknown_not_judged if {
	r := fx.unknown(fx.tf("aws_instance", "web", {}), ["associate_public_ip_address"])
	count(ec2_public_ip.deny) == 0 with input.resource as r
}

# --- CloudFormation ----------------------------------------------------------

test_cfn_instance_interface_public_ip if {
	r := fx.cfn("AWS::EC2::Instance", "Web", {"NetworkInterfaces": [{"DeviceIndex": "0", "AssociatePublicIpAddress": "true"}]})
	[f] := [f | some f in ec2_public_ip.deny with input.resource as r]
	f.path == "NetworkInterfaces[0].AssociatePublicIpAddress"
}

test_cfn_launch_template_public_ip if {
	r := fx.cfn("AWS::EC2::LaunchTemplate", "Lt", {"LaunchTemplateData": {"NetworkInterfaces": [{"DeviceIndex": 0}, {"DeviceIndex": 1, "AssociatePublicIpAddress": true}]}})
	[f] := [f | some f in ec2_public_ip.deny with input.resource as r]
	f.path == "LaunchTemplateData.NetworkInterfaces[1].AssociatePublicIpAddress"
}

test_cfn_launch_configuration_public_ip if {
	r := fx.cfn("AWS::AutoScaling::LaunchConfiguration", "Lc", {"AssociatePublicIpAddress": true})
	[f] := [f | some f in ec2_public_ip.deny with input.resource as r]
	f.path == "AssociatePublicIpAddress"
}

test_cfn_private if {
	r := fx.cfn("AWS::EC2::Instance", "Web", {"NetworkInterfaces": [{"DeviceIndex": "0", "AssociatePublicIpAddress": false}]})
	count(ec2_public_ip.deny) == 0 with input.resource as r
}
