# METADATA
# title: SSH server in the final image
# description: |
#   An SSH daemon in a container is a second, long-lived way in that the
#   platform does not manage: its keys and passwords live in the image, and it
#   bypasses the orchestrator's audit of exec sessions. Flagged: installing
#   openssh-server or dropbear, starting sshd, or exposing port 22.
# custom:
#   id: ONUS-DF-009
#   severity: high
#   category: network-exposure
#   layer: operating-system
#   targets:
#     - kind: dockerfile
#       types: ["stage"]
#   controls:
#     cis-docker: ["5.6"]
#     nist-800-53: ["CM-7", "AC-17"]
#   remediation: |
#     Remove the SSH server and port 22; use docker exec / kubectl exec (or a debug container) to get a shell.
package onus.dockerfile.ssh_server

import data.onus.lib.docker

ssh_packages := {"openssh-server", "openssh", "dropbear", "ssh"}

deny contains {"msg": msg, "path": r.path} if {
	docker.is_final
	some r in docker.runs
	some seg in r.segments
	docker.has_program(seg, {"apt-get", "apt", "apk", "yum", "dnf", "microdnf", "zypper"})
	docker.has_word(seg, {"install", "add"})
	some pkg in array.slice(seg, 1, count(seg))
	pkg in ssh_packages
	msg := sprintf("RUN installs an SSH server (%s)", [pkg])
}

deny contains {"msg": "the final stage exposes port 22 (SSH)", "path": sprintf("expose[%d]", [i])} if {
	docker.is_final
	some i, e in object.get(input.resource.attrs, "expose", [])
	e.protocol == "tcp"
	e.port <= 22
	e.end_port >= 22
}

deny contains {"msg": "the image starts an SSH daemon", "path": sprintf("%s[%d]", [list, i])} if {
	docker.is_final
	some list in ["cmd", "entrypoint"]
	some i, c in object.get(input.resource.attrs, list, [])
	regex.match(`(^|/|\s)(sshd|dropbear)(\s|$)`, c.command)
}
