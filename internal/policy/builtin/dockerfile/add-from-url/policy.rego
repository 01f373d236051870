# METADATA
# title: ADD downloads from a URL without a checksum
# description: |
#   ADD https://... fetches a file at build time with no check of what it
#   received: a compromised or changed download ends up in the image. ADD
#   --checksum=sha256:... verifies it; so does a RUN that downloads and
#   checks a signature or digest.
# related_resources:
#   - ref: https://docs.docker.com/reference/dockerfile/#add---checksum
# custom:
#   id: ONUS-DF-005
#   severity: medium
#   category: configuration
#   layer: application
#   targets:
#     - kind: dockerfile
#       types: ["stage"]
#   controls:
#     cis-docker: ["4.9", "4.12"]
#     nist-800-53: ["SI-7", "SR-11"]
#   remediation: |
#     Add --checksum=sha256:<digest> to the ADD, or download in a RUN that
#     verifies the file (sha256sum -c) before use.
package onus.dockerfile.add_from_url

import data.onus.lib.docker

deny contains {"msg": msg, "path": sprintf("add[%d]", [i])} if {
	some i, a in object.get(input.resource.attrs, "add", [])
	object.get(a, "checksum", "") == ""
	some src in a.sources
	regex.match(`^(?i)https?://`, src)
	msg := sprintf("ADD downloads %s without verifying its checksum", [src])
}
