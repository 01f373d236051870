package onus.aws.iam_password_policy_test

import data.onus.aws.iam_password_policy
import data.onus.lib.aws.fixture as fx

deny(attrs) := d if {
	d := iam_password_policy.deny with input.resource as fx.tf("aws_iam_account_password_policy", "p", attrs) with input.params as {"min_length": 14, "reuse": 24}
}

test_defaults_are_weak if {
	{f.path | some f in deny({})} == {"minimum_password_length", "password_reuse_prevention"}
}

test_strong if {
	count(deny({"minimum_password_length": 16, "password_reuse_prevention": 24})) == 0
}

test_short if {
	{f.path | some f in deny({"minimum_password_length": 10, "password_reuse_prevention": 24})} == {"minimum_password_length"}
}

test_unknown_length_points_at_itself if {
	d := iam_password_policy.deny with input.resource as fx.unknown(fx.tf("aws_iam_account_password_policy", "p", {"password_reuse_prevention": 24}), ["minimum_password_length"]) with input.params as {"min_length": 14, "reuse": 24}
	{f.path | some f in d} == {"minimum_password_length"}
}
