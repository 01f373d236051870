# METADATA
# title: Container declares no CPU or memory request
# description: |
#   The scheduler places pods by their requests. A container without them is
#   BestEffort (or Burstable with a partial request): it lands on nodes that
#   cannot hold it and is the first evicted under pressure. A limit without
#   a request counts as the request, so only a resource with neither is
#   reported. Ephemeral containers cannot declare resources and are skipped.
#   LimitRange defaults are applied at admission, where onus sees them.
# related_resources:
#   - ref: https://kubernetes.io/docs/concepts/configuration/manage-resources-containers/
# custom:
#   id: ONUS-K8S-022
#   severity: low
#   category: resilience
#   layer: application
#   targets:
#     - kind: kubernetes
#       types: ["@workload"]
#   controls:
#     nsa-cisa-kubernetes: ["network-separation/resource-policies"]
#     nist-800-53: ["SC-6"]
#   remediation: |
#     Set `resources.requests.cpu` and `resources.requests.memory` to what the
#     container uses under normal load (measure it), or set a LimitRange with
#     `defaultRequest` in the namespace.
package onus.kubernetes.resource_requests

import data.onus.lib.kubernetes as k8s

deny contains {"msg": msg, "path": path} if {
	some c in k8s.declared_containers
	requests := object.get(c.container, ["resources", "requests"], {})
	limits := object.get(c.container, ["resources", "limits"], {})

	# a limit without a request makes the request equal to the limit
	missing := [r | some r in ["cpu", "memory"]; not requests[r]; not limits[r]]
	count(missing) > 0
	msg := sprintf("%s %q requests no %s", [c.kind, c.name, concat(" or ", missing)])
	path := k8s.path_of(c.path, "resources.requests")
}
