package onus.dockerfile.apt_upgrade_test

import data.onus.dockerfile.apt_upgrade

stage(attrs) := {"kind": "dockerfile", "type": "stage", "attrs": attrs}

run(cmd) := stage({"final": true, "run": [{"command": cmd, "flags": []}]})

  test_upgrade if count(apt_upgrade.deny) == 1 with input.resource as run("apt-get update && apt-get -y upgrade")

  test_dist if count(apt_upgrade.deny) == 1 with input.resource as run("apt-get dist-upgrade -y")

  test_install if count(apt_upgrade.deny) == 0 with input.resource as run("apt-get install -y --only-upgrade openssl")
