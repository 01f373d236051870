package onus.dockerfile.unpinned_packages_test

import data.onus.dockerfile.unpinned_packages

stage(attrs) := {"kind": "dockerfile", "type": "stage", "attrs": attrs}

run(cmd) := stage({"final": true, "run": [{"command": cmd, "flags": []}]})

  test_apt if count(unpinned_packages.deny) == 1 with input.resource as run("apt-get install -y --no-install-recommends curl git=1:2.39.2-1.1")

  test_apt_pinned if count(unpinned_packages.deny) == 0 with input.resource as run("apt-get install -y curl=7.88.1-10")

  test_apk if count(unpinned_packages.deny) == 1 with input.resource as run("apk add --no-cache curl")

  test_pip_requirements if count(unpinned_packages.deny) == 0 with input.resource as run("pip install --no-cache-dir -r requirements.txt")

  test_pip if count(unpinned_packages.deny) == 1 with input.resource as run("pip install flask gunicorn==22.0.0")

  test_pip_local if count(unpinned_packages.deny) == 0 with input.resource as run("pip install .")
