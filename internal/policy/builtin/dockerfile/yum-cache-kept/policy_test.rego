package onus.dockerfile.yum_cache_kept_test

import data.onus.dockerfile.yum_cache_kept

stage(attrs) := {"kind": "dockerfile", "type": "stage", "attrs": attrs}

run(cmd) := stage({"final": true, "run": [{"command": cmd, "flags": []}]})

  test_kept if count(yum_cache_kept.deny) == 1 with input.resource as run("yum install -y httpd")

  test_cleaned if count(yum_cache_kept.deny) == 0 with input.resource as run("dnf install -y httpd && dnf clean all")

  test_rm if count(yum_cache_kept.deny) == 0 with input.resource as run("yum install -y httpd && rm -rf /var/cache/yum")
