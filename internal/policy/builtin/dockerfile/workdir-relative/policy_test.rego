package onus.dockerfile.workdir_relative_test

import data.onus.dockerfile.workdir_relative

stage(attrs) := {"kind": "dockerfile", "type": "stage", "attrs": attrs}

wd(p) := stage({"workdir": [{"path": p}]})

test_relative if count(workdir_relative.deny) == 1 with input.resource as wd("app")

test_absolute if count(workdir_relative.deny) == 0 with input.resource as wd("/app")

test_windows if count(workdir_relative.deny) == 0 with input.resource as wd("C:\\app")
