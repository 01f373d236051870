# METADATA
# title: Package index update in a RUN of its own
# description: |
#   RUN apt-get update (or apk update, yum makecache) alone creates a cached
#   layer: later builds reuse the stale index and install old, vulnerable
#   package versions. Update and install belong in the same RUN.
# custom:
#   id: ONUS-DF-025
#   severity: low
#   category: configuration
#   layer: middleware
#   targets:
#     - kind: dockerfile
#       types: ["stage"]
#   controls:
#     cis-docker: ["4.7"]
#     nist-800-53: ["SI-2"]
#   remediation: |
#     Merge the update into the RUN that installs: RUN apt-get update && apt-get install -y ...
package onus.dockerfile.update_alone

import data.onus.lib.docker

update(seg) if {
	docker.has_program(seg, {"apt-get", "apt", "apk"})
	docker.has_word(seg, {"update"})
}

update(seg) if {
	docker.has_program(seg, {"yum", "dnf"})
	docker.has_word(seg, {"makecache"})
}

install(seg) if {
	docker.has_program(seg, {"apt-get", "apt", "apk", "yum", "dnf", "microdnf"})
	docker.has_word(seg, {"install", "add", "upgrade", "dist-upgrade"})
}

deny contains {"msg": "RUN updates the package index without installing anything in the same layer", "path": r.path} if {
	some r in docker.runs
	some seg in r.segments
	update(seg)
	not any_install(r)
}

any_install(r) if {
	some seg in r.segments
	install(seg)
}
