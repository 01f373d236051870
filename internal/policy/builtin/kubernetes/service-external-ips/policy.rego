# METADATA
# title: Service sets externalIPs
# description: |
#   Any user who can create or edit a Service with externalIPs can make the
#   cluster's nodes capture traffic for any address, including addresses of
#   other tenants or of the Internet (CVE-2020-8554, a man-in-the-middle by
#   design). Clusters should block the field with the DenyServiceExternalIPs
#   admission plugin; manifests should not use it.
# related_resources:
#   - ref: https://github.com/kubernetes/kubernetes/issues/97076
# custom:
#   id: ONUS-K8S-040
#   severity: medium
#   category: network-exposure
#   layer: network
#   targets:
#     - kind: kubernetes
#       types: ["Service"]
#   controls:
#     nsa-cisa-kubernetes: ["network-separation/network-policies"]
#     nist-800-53: ["SC-7"]
#   remediation: |
#     Remove `spec.externalIPs` and publish the Service with a LoadBalancer
#     or an Ingress.
package onus.kubernetes.service_external_ips

deny contains {"msg": msg, "path": "spec.externalIPs"} if {
	ips := input.resource.attrs.spec.externalIPs
	count(ips) > 0
	msg := sprintf("Service %q claims external IPs %s", [input.resource.name, concat(", ", [sprintf("%v", [ip]) | some ip in ips])])
}
