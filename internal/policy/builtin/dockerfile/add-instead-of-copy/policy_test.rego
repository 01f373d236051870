package onus.dockerfile.add_instead_of_copy_test

import data.onus.dockerfile.add_instead_of_copy

stage(attrs) := {"kind": "dockerfile", "type": "stage", "attrs": attrs}

add(srcs) := stage({"add": [{"sources": srcs, "dest": "/app/"}]})

test_plain if count(add_instead_of_copy.deny) == 1 with input.resource as add(["app.py", "lib/"])

test_archive if count(add_instead_of_copy.deny) == 0 with input.resource as add(["rootfs.tar.gz"])

test_url if count(add_instead_of_copy.deny) == 0 with input.resource as add(["https://example.com/x"])
