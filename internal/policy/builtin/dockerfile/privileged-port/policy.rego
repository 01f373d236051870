# METADATA
# title: Final image exposes a privileged port
# description: |
#   Binding a port below 1024 needs root or CAP_NET_BIND_SERVICE, which pushes
#   the image towards running privileged; publish a high port and let the
#   platform map 80 and 443 in front of it. Port 22 is reported by the SSH
#   check.
# custom:
#   id: ONUS-DF-022
#   severity: low
#   category: network-exposure
#   layer: operating-system
#   targets:
#     - kind: dockerfile
#       types: ["stage"]
#   controls:
#     cis-docker: ["5.7"]
#     nist-800-53: ["CM-7", "AC-6"]
#   params:
#     allowed: {default: [], description: privileged ports to accept, such as 80 and 443}
#   remediation: |
#     Listen on a port of 1024 or above (8080, 8443) and EXPOSE that.
package onus.dockerfile.privileged_port

import data.onus.lib.docker

deny contains {"msg": msg, "path": sprintf("expose[%d]", [i])} if {
	docker.is_final
	some i, e in object.get(input.resource.attrs, "expose", [])
	e.port < 1024
	e.port != 22
	not e.port in input.params.allowed
	msg := sprintf("the final stage exposes privileged port %d", [e.port])
}
