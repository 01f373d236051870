# METADATA
# title: apk add without --no-cache
# description: |
#   apk add without --no-cache keeps the package index in /var/cache/apk in
#   the final image. Only the final stage is checked.
# related_resources:
#   - ref: https://docs.docker.com/build/building/best-practices/
# custom:
#   id: ONUS-DF-012
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
#     Use apk add --no-cache (or remove /var/cache/apk/* in the same RUN).
package onus.dockerfile.apk_cache_kept

import data.onus.lib.docker

deny contains {"msg": "RUN runs apk add without --no-cache", "path": r.path} if {
	docker.is_final
	some r in docker.runs
	some seg in r.segments
	docker.has_program(seg, {"apk"})
	docker.has_word(seg, {"add"})
	not docker.has_flag(seg, ["--no-cache"])
	not removes_cache(r)
	not docker.cache_mount(r, ["/var/cache/apk", "/etc/apk/cache"])
}

removes_cache(r) if {
	some seg in r.segments
	docker.has_program(seg, {"rm"})
	some w in seg
	startswith(w, "/var/cache/apk")
}
