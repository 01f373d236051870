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
