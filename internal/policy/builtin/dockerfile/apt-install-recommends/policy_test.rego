package onus.dockerfile.apt_install_recommends_test

import data.onus.dockerfile.apt_install_recommends

stage(attrs) := {"kind": "dockerfile", "type": "stage", "attrs": attrs}

run(cmd) := stage({"final": true, "run": [{"command": cmd, "flags": []}]})

  test_missing if count(apt_install_recommends.deny) == 1 with input.resource as run("apt-get install -y curl")

  test_present if count(apt_install_recommends.deny) == 0 with input.resource as run("apt-get install -y --no-install-recommends curl")

  test_option if count(apt_install_recommends.deny) == 0 with input.resource as run("apt-get -o APT::Install-Recommends=false install -y curl")
