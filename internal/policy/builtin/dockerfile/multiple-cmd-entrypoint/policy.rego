# METADATA
# title: More than one CMD or ENTRYPOINT in the final stage
# description: |
#   Only the last CMD and the last ENTRYPOINT of a stage take effect; earlier
#   ones are dead code that misleads whoever reads the Dockerfile about what
#   the container runs.
# custom:
#   id: ONUS-DF-019
#   severity: low
#   category: configuration
#   layer: application
#   targets:
#     - kind: dockerfile
#       types: ["stage"]
#   controls:
#     cis-docker: ["4.3"]
#     nist-800-53: ["CM-6"]
#   remediation: |
#     Keep one CMD and one ENTRYPOINT in the final stage.
package onus.dockerfile.multiple_cmd_entrypoint

import data.onus.lib.docker

deny contains {"msg": msg, "path": sprintf("%s[%d]", [list, i])} if {
	docker.is_final
	some list in ["cmd", "entrypoint"]
	items := object.get(input.resource.attrs, list, [])
	some i, _ in items
	i < count(items) - 1
	msg := sprintf("this %s is overridden by a later one and never runs", [upper(list)])
}
