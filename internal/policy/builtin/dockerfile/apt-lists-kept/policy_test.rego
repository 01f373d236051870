package onus.dockerfile.apt_lists_kept_test

import data.onus.dockerfile.apt_lists_kept

stage(attrs) := {"kind": "dockerfile", "type": "stage", "attrs": attrs}

run(cmd) := stage({"final": true, "run": [{"command": cmd, "flags": []}]})

  test_kept if count(apt_lists_kept.deny) == 1 with input.resource as run("apt-get update && apt-get install -y curl")

  test_removed if count(apt_lists_kept.deny) == 0 with input.resource as run("apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*")

  test_cache_mount if count(apt_lists_kept.deny) == 0 with input.resource as stage({"final": true, "run": [{"command": "apt-get install -y curl", "flags": ["--mount=type=cache,target=/var/lib/apt,sharing=locked"]}]})
