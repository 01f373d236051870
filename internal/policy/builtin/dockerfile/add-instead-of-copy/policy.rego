# METADATA
# title: ADD used where COPY suffices
# description: |
#   ADD also extracts archives and fetches URLs, so an ADD of a plain local
#   file behaves differently from what a reader expects if the file ever
#   becomes an archive. COPY does only what it says.
# related_resources:
#   - ref: https://docs.docker.com/build/building/best-practices/#add-or-copy
# custom:
#   id: ONUS-DF-006
#   severity: low
#   category: configuration
#   layer: application
#   targets:
#     - kind: dockerfile
#       types: ["stage"]
#   controls:
#     cis-docker: ["4.9"]
#     nist-800-53: ["CM-6"]
#   remediation: |
#     Use COPY for local files and directories; keep ADD for local tar archives it should extract.
package onus.dockerfile.add_instead_of_copy

import data.onus.lib.docker

archive(src) if regex.match(`(?i)\.(tar|tar\.gz|tgz|tar\.bz2|tbz2?|tar\.xz|txz|tar\.zst)$`, src)

remote(src) if regex.match(`^(?i)(https?://|git@|[a-z]+://)`, src)

deny contains {"msg": msg, "path": sprintf("add[%d]", [i])} if {
	some i, a in object.get(input.resource.attrs, "add", [])
	count(a.sources) > 0
	every src in a.sources {
		not archive(src)
		not remote(src)
	}
	msg := sprintf("ADD %s copies local files: use COPY", [concat(" ", a.sources)])
}
