package onus.aws.eks_secrets_encryption_test

import data.onus.aws.eks_secrets_encryption
import data.onus.lib.aws.fixture as fx

test_missing if {
	count(eks_secrets_encryption.deny) == 1 with input.resource as fx.tf("aws_eks_cluster", "c", {})
}

test_present if {
	count(eks_secrets_encryption.deny) == 0 with input.resource as fx.tf("aws_eks_cluster", "c", {"encryption_config": [{"resources": ["secrets"], "provider": [{"key_arn": "arn:aws:kms:eu-west-1:1:key/x"}]}]})
}

test_unknown_points_at_itself if {
	[f] := [f | some f in eks_secrets_encryption.deny with input.resource as fx.unknown(fx.tf("aws_eks_cluster", "c", {}), ["encryption_config"])]
	f.path == "encryption_config"
}

cfn_deny(props) := d if {
	d := eks_secrets_encryption.deny with input.resource as fx.cfn("AWS::EKS::Cluster", "Cluster", props)
}

test_cfn_none if {
	[f] := [f | some f in cfn_deny({})]
	f.path == "EncryptionConfig"
}

test_cfn_secrets if {
	count(cfn_deny({"EncryptionConfig": [{"Resources": ["secrets"], "Provider": {"KeyArn": "arn:aws:kms:eu-west-1:111122223333:key/k"}}]})) == 0
}
