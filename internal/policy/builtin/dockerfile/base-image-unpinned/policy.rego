# METADATA
# title: Base image is not pinned to a version
# description: |
#   A base image without a tag or digest, or tagged latest, is whatever the
#   registry serves on the day of the build: two builds of the same commit can
#   ship different operating systems and libraries, and a compromised or broken
#   upstream push reaches production unreviewed.
# related_resources:
#   - ref: https://docs.docker.com/build/building/best-practices/#pin-base-image-versions
# custom:
#   id: ONUS-DF-001
#   severity: medium
#   category: configuration
#   layer: middleware
#   targets:
#     - kind: dockerfile
#       types: ["stage"]
#   controls:
#     cis-docker: ["4.2"]
#     nist-800-53: ["CM-2", "SI-7"]
#   remediation: |
#     Pin the base image to a release tag (python:3.12-slim) and, for
#     reproducible builds, to its digest (python:3.12-slim@sha256:...); let a
#     dependency bot propose updates.
package onus.dockerfile.base_image_unpinned

import data.onus.lib.docker

deny contains {"msg": msg, "path": "from"} if {
	img := docker.image
	img.digest == ""
	img.tag == ""
	msg := sprintf("base image %q has no tag or digest, so it is whatever latest is at build time", [img.image])
}

deny contains {"msg": msg, "path": "from"} if {
	img := docker.image
	img.digest == ""
	lower(img.tag) == "latest"
	msg := sprintf("base image %q uses the latest tag", [img.image])
}
