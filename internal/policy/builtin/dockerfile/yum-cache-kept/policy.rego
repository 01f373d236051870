# METADATA
# title: yum or dnf install without clean all
# description: |
#   yum, dnf and microdnf keep their metadata and package caches under
#   /var/cache unless the same RUN cleans them. Only the final stage is
#   checked.
# custom:
#   id: ONUS-DF-014
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
#     End the RUN with && yum clean all (dnf clean all, microdnf clean all), or remove /var/cache/yum or /var/cache/dnf.
package onus.dockerfile.yum_cache_kept

import data.onus.lib.docker

managers := {"yum", "dnf", "microdnf"}

deny contains {"msg": msg, "path": r.path} if {
	docker.is_final
	some r in docker.runs
	some seg in r.segments
	docker.has_program(seg, managers)
	docker.has_word(seg, {"install", "update", "upgrade", "groupinstall"})
	not cleaned(r)
	not docker.cache_mount(r, ["/var/cache/yum", "/var/cache/dnf"])
	msg := sprintf("RUN runs %s without cleaning its cache in the same layer", [seg[0]])
}

cleaned(r) if {
	some seg in r.segments
	docker.has_program(seg, managers)
	docker.has_word(seg, {"clean"})
}

cleaned(r) if {
	some seg in r.segments
	docker.has_program(seg, {"rm"})
	some w in seg
	regex.match(`^/var/cache/(yum|dnf)`, w)
}
