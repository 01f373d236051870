# METADATA
# title: ENTRYPOINT in shell form
# description: |
#   A shell-form ENTRYPOINT runs the program under /bin/sh -c, so the program
#   is not PID 1: it never receives SIGTERM, the container is killed after the
#   grace period instead of shutting down cleanly, and CMD arguments are
#   ignored.
# related_resources:
#   - ref: https://docs.docker.com/reference/dockerfile/#entrypoint
# custom:
#   id: ONUS-DF-020
#   severity: low
#   category: configuration
#   layer: application
#   targets:
#     - kind: dockerfile
#       types: ["stage"]
#   controls:
#     nist-800-53: ["CM-6"]
#   remediation: |
#     Use the exec form: ENTRYPOINT ["/app", "serve"] (or exec the program from a wrapper script).
package onus.dockerfile.entrypoint_shell_form

import data.onus.lib.docker

deny contains {"msg": "the ENTRYPOINT uses the shell form, so the program does not receive signals", "path": sprintf("entrypoint[%d]", [i])} if {
	docker.is_final
	items := object.get(input.resource.attrs, "entrypoint", [])
	count(items) > 0
	i := count(items) - 1
	items[i].exec == false
	not startswith(trim_space(items[i].command), "exec ")
}
