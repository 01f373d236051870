# METADATA
# title: apt-get install without --no-install-recommends
# description: |
#   Without --no-install-recommends apt installs every recommended package as
#   well: more software in the image means more vulnerabilities to patch and
#   more tools for an intruder. Only the final stage is checked.
# related_resources:
#   - ref: https://docs.docker.com/build/building/best-practices/#apt-get
# custom:
#   id: ONUS-DF-015
#   severity: low
#   category: configuration
#   layer: middleware
#   targets:
#     - kind: dockerfile
#       types: ["stage"]
#   controls:
#     cis-docker: ["4.3"]
#     nist-800-53: ["CM-7"]
#   remediation: |
#     Add --no-install-recommends to apt-get install.
package onus.dockerfile.apt_install_recommends

import data.onus.lib.docker

deny contains {"msg": "apt-get install pulls recommended packages too: add --no-install-recommends", "path": r.path} if {
	docker.is_final
	some r in docker.runs
	some seg in r.segments
	docker.has_program(seg, {"apt-get", "apt"})
	docker.has_word(seg, {"install"})
	not docker.has_flag(seg, ["--no-install-recommends"])
	not contains(concat(" ", seg), "Install-Recommends=false")
	not contains(concat(" ", seg), "Install-Recommends=0")
}
