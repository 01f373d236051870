package onus.dockerfile.add_from_url_test

import data.onus.dockerfile.add_from_url

stage(attrs) := {"kind": "dockerfile", "type": "stage", "attrs": attrs}

add(src, sum) := stage({"add": [{"sources": [src], "dest": "/tmp/", "checksum": sum}]})

test_url if count(add_from_url.deny) == 1 with input.resource as add("https://example.com/x.tgz", "")

test_checksum if count(add_from_url.deny) == 0 with input.resource as add("https://example.com/x.tgz", "sha256:ab")

test_local if count(add_from_url.deny) == 0 with input.resource as add("x.tgz", "")
