package onus.aws.eks_public_endpoint_test

import data.onus.aws.eks_public_endpoint
import data.onus.lib.aws.fixture as fx

deny(vpc) := d if {
	d := eks_public_endpoint.deny with input.resource as fx.tf("aws_eks_cluster", "c", {"vpc_config": [vpc]})
}

test_defaults_are_open if {
	[f] := [f | some f in deny({"subnet_ids": ["subnet-1"]})]
	f.paths[0] == "vpc_config[0].public_access_cidrs"
}

test_explicit_open if {
	count(deny({"endpoint_public_access": true, "public_access_cidrs": ["0.0.0.0/0"]})) == 1
}

test_restricted_cidrs if {
	count(deny({"endpoint_public_access": true, "public_access_cidrs": ["203.0.113.0/24"]})) == 0
}

test_private_only if {
	count(deny({"endpoint_public_access": false, "endpoint_private_access": true})) == 0
}

# Unknown CIDRs are named in the result, which is then undetermined.
test_unknown_cidrs_named if {
	r := fx.unknown(fx.tf("aws_eks_cluster", "c", {"vpc_config": [{}]}), ["vpc_config[0].public_access_cidrs"])
	[f] := [f | some f in eks_public_endpoint.deny with input.resource as r]
	"vpc_config[0].public_access_cidrs" in f.paths
}

cfn_deny(vpc) := d if {
	d := eks_public_endpoint.deny with input.resource as fx.cfn("AWS::EKS::Cluster", "Cluster", {"ResourcesVpcConfig": vpc})
}

test_cfn_defaults_are_open if {
	[f] := [f | some f in cfn_deny({"SubnetIds": ["subnet-1"]})]
	f.paths == ["ResourcesVpcConfig.PublicAccessCidrs", "ResourcesVpcConfig.EndpointPublicAccess"]
}

test_cfn_explicit_open if {
	count(cfn_deny({"EndpointPublicAccess": "true", "PublicAccessCidrs": ["10.0.0.0/8", "0.0.0.0/0"]})) == 1
}

test_cfn_private_or_restricted if {
	count(cfn_deny({"EndpointPublicAccess": false, "EndpointPrivateAccess": true})) == 0
	count(cfn_deny({"EndpointPublicAccess": "false"})) == 0
	count(cfn_deny({"PublicAccessCidrs": ["203.0.113.0/24"]})) == 0
}
