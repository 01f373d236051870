# METADATA
# title: apt-get upgrade or dist-upgrade in the Dockerfile
# description: |
#   Upgrading every package inside the build hides how old the base image
#   really is and makes two builds of the same commit differ; dist-upgrade can
#   even move the image to packages its base was not tested with. Patches
#   should come from rebuilding on an updated base image. Only the final stage
#   is checked.
# custom:
#   id: ONUS-DF-016
#   severity: low
#   category: configuration
#   layer: middleware
#   targets:
#     - kind: dockerfile
#       types: ["stage"]
#   controls:
#     cis-docker: ["4.4"]
#     nist-800-53: ["CM-2", "SI-2"]
#   remediation: |
#     Remove the upgrade; rebuild regularly from a maintained, recently published base image tag (and pin it by digest).
package onus.dockerfile.apt_upgrade

import data.onus.lib.docker

deny contains {"msg": msg, "path": r.path} if {
	docker.is_final
	some r in docker.runs
	some seg in r.segments
	docker.has_program(seg, {"apt-get", "apt"})
	some w in array.slice(seg, 1, count(seg))
	w in {"upgrade", "dist-upgrade", "full-upgrade"}
	msg := sprintf("RUN runs %s %s", [seg[0], w])
}
