package onus.aws.ecr_immutable_tags_test

import data.onus.aws.ecr_immutable_tags
import data.onus.lib.aws.fixture as fx

test_default_mutable if {
	count(ecr_immutable_tags.deny) == 1 with input.resource as fx.tf("aws_ecr_repository", "r", {})
}

test_immutable if {
	count(ecr_immutable_tags.deny) == 0 with input.resource as fx.tf("aws_ecr_repository", "r", {"image_tag_mutability": "IMMUTABLE"})
	count(ecr_immutable_tags.deny) == 0 with input.resource as fx.tf("aws_ecr_repository", "r", {"image_tag_mutability": "IMMUTABLE_WITH_EXCLUSION"})
}

test_unknown_points_at_itself if {
	[f] := [f | some f in ecr_immutable_tags.deny with input.resource as fx.unknown(fx.tf("aws_ecr_repository", "r", {}), ["image_tag_mutability"])]
	f.path == "image_tag_mutability"
}

cfn_deny(props) := d if {
	d := ecr_immutable_tags.deny with input.resource as fx.cfn("AWS::ECR::Repository", "Repo", props)
}

test_cfn_default_mutable if {
	[f] := [f | some f in cfn_deny({})]
	f.path == "ImageTagMutability"
	contains(f.msg, "mutable")
}

test_cfn_immutable if {
	count(cfn_deny({"ImageTagMutability": "IMMUTABLE"})) == 0
	count(cfn_deny({"ImageTagMutability": "MUTABLE_WITH_EXCLUSION"})) == 1
}
