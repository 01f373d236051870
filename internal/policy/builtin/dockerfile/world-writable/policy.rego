# METADATA
# title: World-writable files in the final image
# description: |
#   chmod 777 (or a+w, o+w) lets any user in the container, or any process that
#   shares the volume, replace what the application executes or reads. Only
#   the final stage is checked; COPY and ADD --chmod count too.
# custom:
#   id: ONUS-DF-021
#   severity: medium
#   category: workload-isolation
#   layer: operating-system
#   targets:
#     - kind: dockerfile
#       types: ["stage"]
#   controls:
#     cis-docker: ["4.8"]
#     nist-800-53: ["AC-3", "AC-6"]
#   remediation: |
#     Give files to the user that needs them (chown) and use 755 / 644 (or tighter) modes.
package onus.dockerfile.world_writable

import data.onus.lib.docker

writable(mode) if regex.match(`^0?[0-7]?[0-7][0-7][2367]$`, mode)

writable(mode) if regex.match(`^([ugoa]*[ao][ugoa]*)\+[rxst]*w`, mode)

deny contains {"msg": msg, "path": r.path} if {
	docker.is_final
	some r in docker.runs
	some seg in r.segments
	docker.has_program(seg, {"chmod"})
	some w in array.slice(seg, 1, count(seg))
	writable(w)
	msg := sprintf("RUN makes files world-writable (chmod %s)", [w])
}

deny contains {"msg": msg, "path": sprintf("%s[%d]", [list, i])} if {
	docker.is_final
	some list in ["copy", "add"]
	some i, c in object.get(input.resource.attrs, list, [])
	writable(object.get(c, "chmod", ""))
	msg := sprintf("%s --chmod=%s makes files world-writable", [upper(list), c.chmod])
}
