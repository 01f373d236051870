package onus.dockerfile.root_user_test

import data.onus.dockerfile.root_user

stage(attrs) := {"kind": "dockerfile", "type": "stage", "attrs": attrs}

test_no_user if count(root_user.deny) == 1 with input.resource as stage({"final": true})

test_root if count(root_user.deny) == 1 with input.resource as stage({"final": true, "user": "root", "effective_user": "root"})

test_uid_zero_group if count(root_user.deny) == 1 with input.resource as stage({"final": true, "effective_user": "0:0"})

test_non_root if count(root_user.deny) == 0 with input.resource as stage({"final": true, "user": "app", "effective_user": "app"})

test_builder_ignored if count(root_user.deny) == 0 with input.resource as stage({"final": false})
