# METADATA
# title: Container binds a port on the node
# description: |
#   A hostPort publishes the container on that port of the node's own
#   address, outside the Service and Ingress layer and usually outside
#   NetworkPolicy and cloud load balancer controls. It also limits scheduling
#   to one such pod per node.
# related_resources:
#   - ref: https://kubernetes.io/docs/concepts/configuration/overview/#services
# custom:
#   id: ONUS-K8S-012
#   severity: medium
#   category: network-exposure
#   layer: network
#   targets:
#     - kind: kubernetes
#       types: ["@workload"]
#   controls:
#     cis-kubernetes: ["5.2.13"]
#     nsa-cisa-kubernetes: ["network-separation/network-policies"]
#     nist-800-53: ["CM-7", "SC-7"]
#   params:
#     allowed: {default: [], description: host ports that may be used}
#   remediation: |
#     Remove `hostPort` and expose the container through a Service (ClusterIP,
#     behind an Ingress or a load balancer) instead.
package onus.kubernetes.host_port

import data.onus.lib.kubernetes as k8s

deny contains {"msg": msg, "path": path} if {
	some c in k8s.declared_containers
	some i, port in object.get(c.container, "ports", [])
	is_number(port.hostPort)
	port.hostPort > 0
	not port.hostPort in {p | some p in input.params.allowed}
	msg := sprintf("%s %q binds port %v on the node (hostPort)", [c.kind, c.name, port.hostPort])
	path := sprintf("%s.ports[%d].hostPort", [c.path, i])
}
