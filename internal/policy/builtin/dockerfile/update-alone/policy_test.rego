package onus.dockerfile.update_alone_test

import data.onus.dockerfile.update_alone

stage(attrs) := {"kind": "dockerfile", "type": "stage", "attrs": attrs}

run(cmd) := stage({"run": [{"command": cmd}]})

test_alone if count(update_alone.deny) == 1 with input.resource as run("apt-get update")

test_together if count(update_alone.deny) == 0 with input.resource as run("apt-get update && apt-get install -y --no-install-recommends curl")

test_apk_alone if count(update_alone.deny) == 1 with input.resource as run("apk update")
