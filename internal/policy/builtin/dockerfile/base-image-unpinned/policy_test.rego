package onus.dockerfile.base_image_unpinned_test

import data.onus.dockerfile.base_image_unpinned

stage(attrs) := {"kind": "dockerfile", "type": "stage", "attrs": attrs}

from(image, tag, digest) := stage({"from": {"image": image, "tag": tag, "digest": digest}})

test_no_tag if count(base_image_unpinned.deny) == 1 with input.resource as from("ubuntu", "", "")

test_latest if count(base_image_unpinned.deny) == 1 with input.resource as from("ubuntu:latest", "latest", "")

test_tagged if count(base_image_unpinned.deny) == 0 with input.resource as from("ubuntu:24.04", "24.04", "")

test_digest if count(base_image_unpinned.deny) == 0 with input.resource as from("ubuntu@sha256:ab", "", "sha256:ab")

test_stage_and_scratch if {
	count(base_image_unpinned.deny) == 0 with input.resource as stage({"from": {"image": "build", "stage": "build"}})
	count(base_image_unpinned.deny) == 0 with input.resource as stage({"from": {"image": "scratch", "scratch": true}})
}
