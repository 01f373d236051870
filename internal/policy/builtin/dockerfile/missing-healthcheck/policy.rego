# METADATA
# title: Final image has no HEALTHCHECK
# description: |
#   Without a HEALTHCHECK (or with HEALTHCHECK NONE) Docker and Swarm cannot
#   tell a hung process from a healthy one and keep routing to it. Platforms
#   that probe containers themselves (Kubernetes liveness and readiness probes,
#   ECS health checks) make this less important: waive it there.
# related_resources:
#   - ref: https://docs.docker.com/reference/dockerfile/#healthcheck
# custom:
#   id: ONUS-DF-010
#   severity: low
#   category: resilience
#   layer: application
#   targets:
#     - kind: dockerfile
#       types: ["stage"]
#   controls:
#     cis-docker: ["4.6"]
#     nist-800-53: ["SI-4", "CP-10"]
#   remediation: |
#     Add a HEALTHCHECK to the final stage, for example HEALTHCHECK CMD ["/app", "healthcheck"].
package onus.dockerfile.missing_healthcheck

import data.onus.lib.docker

deny contains {"msg": "the final stage has no HEALTHCHECK", "path": "healthcheck"} if {
	docker.is_final
	not input.resource.attrs.healthcheck
}

deny contains {"msg": "the final stage disables the health check (HEALTHCHECK NONE)", "path": "healthcheck"} if {
	docker.is_final
	input.resource.attrs.healthcheck.none == true
}
