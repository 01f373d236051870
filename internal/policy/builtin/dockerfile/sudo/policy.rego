# METADATA
# title: sudo used or installed in the final image
# description: |
#   Build steps already run as root, so sudo in a RUN only hides which user a
#   step needs; installing sudo in the final image gives any process that
#   reaches the container's user a way back to root.
# custom:
#   id: ONUS-DF-008
#   severity: medium
#   category: workload-isolation
#   layer: operating-system
#   targets:
#     - kind: dockerfile
#       types: ["stage"]
#   controls:
#     cis-docker: ["4.1"]
#     nist-800-53: ["AC-6"]
#   remediation: |
#     Run privileged steps before switching USER, without sudo; do not install sudo (use gosu or su-exec in an entrypoint if a step must drop privileges).
package onus.dockerfile.sudo

import data.onus.lib.docker

installs(seg, pkg) if {
	docker.has_program(seg, {"apt-get", "apt", "apk", "yum", "dnf", "microdnf", "zypper"})
	docker.has_word(seg, {"install", "add"})
	docker.has_word(seg, {pkg})
}

deny contains {"msg": "RUN uses sudo", "path": r.path} if {
	docker.is_final
	some r in docker.runs
	regex.match(`(^|[;&|(]|\n)\s*sudo\s`, r.command)
}

deny contains {"msg": "RUN installs sudo in the final image", "path": r.path} if {
	docker.is_final
	some r in docker.runs
	some seg in r.segments
	installs(seg, "sudo")
}
