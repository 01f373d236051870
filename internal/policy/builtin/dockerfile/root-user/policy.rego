# METADATA
# title: Final image runs as root
# description: |
#   The final stage sets no USER (so the container runs as root) or sets
#   USER root / USER 0. A process running as root inside a container is one
#   kernel or runtime flaw away from root on the host, and can rewrite its own
#   binaries. Earlier build stages may run as root; only the final stage ships.
#   A USER inherited from an earlier stage (FROM build) counts.
# related_resources:
#   - ref: https://docs.docker.com/build/building/best-practices/#user
# custom:
#   id: ONUS-DF-003
#   severity: high
#   category: workload-isolation
#   layer: operating-system
#   targets:
#     - kind: dockerfile
#       types: ["stage"]
#   controls:
#     cis-docker: ["4.1"]
#     nist-800-53: ["AC-6", "CM-6"]
#   remediation: |
#     Create an unprivileged user and switch to it in the final stage:
#       RUN useradd --uid 10001 --no-create-home app
#       USER 10001
#     (distroless images ship a nonroot user: USER nonroot).
package onus.dockerfile.root_user

import data.onus.lib.docker

deny contains {"msg": "the final stage sets no USER, so the container runs as root", "path": "effective_user"} if {
	docker.is_final
	not input.resource.attrs.effective_user
}

deny contains {"msg": msg, "path": "user"} if {
	docker.is_final
	u := input.resource.attrs.effective_user
	docker.is_root_user(u)
	msg := sprintf("the final stage runs as %q", [u])
}
