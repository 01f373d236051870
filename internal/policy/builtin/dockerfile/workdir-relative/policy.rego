# METADATA
# title: WORKDIR with a relative path
# description: |
#   A relative WORKDIR is resolved against the previous one, which may come
#   from the base image and change under you; later COPY and RUN steps then
#   write somewhere unexpected.
# custom:
#   id: ONUS-DF-018
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
#     Use an absolute path: WORKDIR /app.
package onus.dockerfile.workdir_relative

import data.onus.lib.docker

deny contains {"msg": msg, "path": sprintf("workdir[%d]", [i])} if {
	some i, w in object.get(input.resource.attrs, "workdir", [])
	not startswith(w.path, "/")
	not startswith(w.path, "$")
	not regex.match(`^[A-Za-z]:[\\/]`, w.path)
	msg := sprintf("WORKDIR %s is relative", [w.path])
}
