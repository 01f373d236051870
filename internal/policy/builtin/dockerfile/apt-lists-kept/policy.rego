# METADATA
# title: apt-get package lists left in the image
# description: |
#   apt-get update downloads package indexes into /var/lib/apt/lists; unless
#   the same RUN removes them, they stay in a layer of the final image: tens of
#   megabytes of stale metadata that scanners and attackers can read, and a
#   reason images differ from build to build. Only the final stage is checked.
#   A RUN that mounts a build cache on /var/lib/apt leaves nothing behind.
# related_resources:
#   - ref: https://docs.docker.com/build/building/best-practices/#apt-get
# custom:
#   id: ONUS-DF-011
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
#     End the RUN that installs packages with && rm -rf /var/lib/apt/lists/* (or use RUN --mount=type=cache,target=/var/lib/apt).
package onus.dockerfile.apt_lists_kept

import data.onus.lib.docker

deny contains {"msg": "RUN installs apt packages without removing /var/lib/apt/lists in the same layer", "path": r.path} if {
	docker.is_final
	some r in docker.runs
	some seg in r.segments
	docker.has_program(seg, {"apt-get", "apt"})
	docker.has_word(seg, {"install"})
	not removes_lists(r)
	not docker.cache_mount(r, ["/var/lib/apt"])
}

removes_lists(r) if {
	some seg in r.segments
	docker.has_program(seg, {"rm"})
	some w in seg
	startswith(w, "/var/lib/apt/lists")
}
