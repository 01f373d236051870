# METADATA
# title: Base image release has reached end of life
# description: |
#   The base image (or the distribution its tag names, such as buster in
#   python:3.8-slim-buster) is a release its project no longer patches: every
#   vulnerability found after the end-of-life date stays in the image. The
#   dates come from the projects' published schedules (data.onus.lib.docker.eol,
#   with the day it was last checked); onus scan --now makes the answer
#   reproducible.
# related_resources:
#   - ref: https://endoflife.date
# custom:
#   id: ONUS-DF-002
#   severity: high
#   category: vulnerability
#   layer: middleware
#   targets:
#     - kind: dockerfile
#       types: ["stage"]
#   controls:
#     cis-docker: ["4.4"]
#     nist-800-53: ["SA-22", "SI-2"]
#   remediation: |
#     Move to a supported release of the base image (for example
#     debian:bookworm-slim, python:3.12-slim, node:22-alpine) and rebuild.
package onus.dockerfile.base_image_eol

import data.onus.lib.docker
import data.onus.lib.docker.eol

deny contains {"msg": msg, "path": "from", "details": h} if {
	img := docker.image
	some h in eol.hits(img.name, img.tag)
	eol.ended(h.eol)
	msg := sprintf("base image %q is %s %s, which reached end of life on %s", [img.image, h.product, h.release, h.eol])
}
