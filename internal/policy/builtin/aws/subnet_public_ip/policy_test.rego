package onus.aws.subnet_public_ip_test

import data.onus.aws.subnet_public_ip
import data.onus.lib.aws.fixture as fx

test_public if {
	count(subnet_public_ip.deny) == 1 with input.resource as fx.tf("aws_subnet", "s", {"map_public_ip_on_launch": true})
}

test_private if {
	count(subnet_public_ip.deny) == 0 with input.resource as fx.tf("aws_subnet", "s", {"map_public_ip_on_launch": false})
	count(subnet_public_ip.deny) == 0 with input.resource as fx.tf("aws_subnet", "s", {})
}

test_cfn_public if {
	[f] := [f | some f in subnet_public_ip.deny with input.resource as fx.cfn("AWS::EC2::Subnet", "S", {"MapPublicIpOnLaunch": true})]
	f.path == "MapPublicIpOnLaunch"
	count(subnet_public_ip.deny) == 1 with input.resource as fx.cfn("AWS::EC2::Subnet", "S", {"MapPublicIpOnLaunch": "true"})
}

test_cfn_private if {
	count(subnet_public_ip.deny) == 0 with input.resource as fx.cfn("AWS::EC2::Subnet", "S", {"MapPublicIpOnLaunch": false})
	count(subnet_public_ip.deny) == 0 with input.resource as fx.cfn("AWS::EC2::Subnet", "S", {"VpcId": "vpc-1"})
}
