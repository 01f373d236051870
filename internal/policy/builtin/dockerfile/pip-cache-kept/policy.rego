# METADATA
# title: pip install without --no-cache-dir
# description: |
#   pip keeps downloaded wheels in ~/.cache/pip, which then ships in the final
#   image. Only the final stage is checked; ENV PIP_NO_CACHE_DIR or a cache
#   mount also satisfies the check.
# custom:
#   id: ONUS-DF-013
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
#     Use pip install --no-cache-dir (or ENV PIP_NO_CACHE_DIR=1, or RUN --mount=type=cache,target=/root/.cache/pip).
package onus.dockerfile.pip_cache_kept

import data.onus.lib.docker

pip(seg) if docker.has_program(seg, {"pip", "pip3"})

pip(seg) if {
	regex.match(`^python[0-9.]*$`, seg[0])
	some i, w in seg
	w == "-m"
	seg[i + 1] in {"pip", "pip3"}
}

deny contains {"msg": "RUN runs pip install without --no-cache-dir", "path": r.path} if {
	docker.is_final
	not input.resource.attrs.env.PIP_NO_CACHE_DIR
	some r in docker.runs
	some seg in r.segments
	pip(seg)
	docker.has_word(seg, {"install"})
	not docker.has_flag(seg, ["--no-cache-dir"])
	not docker.cache_mount(r, ["/root/.cache", "~/.cache"])
}
