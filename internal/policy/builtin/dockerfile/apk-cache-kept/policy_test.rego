package onus.dockerfile.apk_cache_kept_test

import data.onus.dockerfile.apk_cache_kept

stage(attrs) := {"kind": "dockerfile", "type": "stage", "attrs": attrs}

run(cmd) := stage({"final": true, "run": [{"command": cmd, "flags": []}]})

  test_kept if count(apk_cache_kept.deny) == 1 with input.resource as run("apk add curl")

  test_no_cache if count(apk_cache_kept.deny) == 0 with input.resource as run("apk add --no-cache curl")

  test_removed if count(apk_cache_kept.deny) == 0 with input.resource as run("apk update && apk add curl && rm -rf /var/cache/apk/*")
