# METADATA
# title: Packages installed without a version
# description: |
#   apt-get install, apk add and pip install without versions install whatever
#   the repository serves on build day, so the image content changes without a
#   change to the Dockerfile. Pinning is a trade-off (pinned versions disappear
#   from distribution mirrors), so this check is low severity and can be
#   disabled. Only the final stage is checked; pip installs from a
#   requirements or constraints file are not flagged.
# custom:
#   id: ONUS-DF-017
#   severity: low
#   category: configuration
#   layer: middleware
#   targets:
#     - kind: dockerfile
#       types: ["stage"]
#   controls:
#     cis-docker: ["4.11"]
#     nist-800-53: ["CM-2"]
#   remediation: |
#     Pin versions (apt-get install curl=7.88.1-10+deb12u5, apk add curl=8.5.0-r0, pip install flask==3.0.3) or install from a lock file.
package onus.dockerfile.unpinned_packages

import data.onus.lib.docker

option(w) if startswith(w, "-")

option(w) if startswith(w, "$")

pinned(w) if contains(w, "=")

pinned(w) if contains(w, "@")

local_or_url(w) if regex.match(`^(\.|/|https?://|git\+|[A-Za-z0-9_.-]+\.(whl|tar\.gz|zip|deb|apk)$)`, w)

packages(seg) := ws if {
	docker.has_program(seg, {"apt-get", "apt"})
	docker.has_word(seg, {"install"})
	ws := [w | some i, w in seg; i > 0; not option(w); w != "install"]
}

packages(seg) := ws if {
	docker.has_program(seg, {"apk"})
	docker.has_word(seg, {"add"})
	ws := [w | some i, w in seg; i > 0; not option(w); w != "add"]
}

packages(seg) := ws if {
	docker.has_program(seg, {"pip", "pip3"})
	docker.has_word(seg, {"install"})
	not docker.has_flag(seg, ["-r", "--requirement", "-c", "--constraint", "-e", "--editable"])
	ws := [w | some i, w in seg; i > 0; not option(w); w != "install"; not local_or_url(w)]
}

deny contains {"msg": msg, "path": r.path} if {
	docker.is_final
	some r in docker.runs
	some seg in r.segments
	unpinned := [p | some p in packages(seg); not pinned(p)]
	count(unpinned) > 0
	msg := sprintf("%s installs %s without a version", [seg[0], concat(", ", unpinned)])
}
