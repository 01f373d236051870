# METADATA
# title: VM can forward IP packets
# description: |
#   With can_ip_forward = true a VM may send and receive packets whose
#   source or destination is not its own address: Google Cloud's anti-
#   spoofing check is off, and a compromised VM can route, intercept or
#   spoof traffic for others. Only NAT gateways, routers and network
#   appliances need it; list them in the allowed parameter (by name).
# related_resources:
#   - ref: https://cloud.google.com/vpc/docs/using-routes#canipforward
# custom:
#   id: ONUS-GCP-029
#   severity: medium
#   category: network-exposure
#   layer: network
#   targets:
#     - kind: terraform
#       types: [google_compute_instance, google_compute_instance_template]
#   controls:
#     cis-gcp: ["4.6"]
#     nist-800-53: ["AC-4", "SC-7", "CM-7"]
#     csa-ccm: ["IVS-03", "IVS-04"]
#   params:
#     allowed: {default: [], description: names of the instances and templates that route traffic (NAT gateways, appliances)}
#   remediation: |
#     Remove can_ip_forward (it defaults to false) unless the VM routes
#     traffic; use Cloud NAT and Cloud Router instead of gateway VMs.
package onus.gcp.compute_ip_forwarding

import data.onus.lib.gcp

deny contains {"msg": "IP forwarding is on: the VM may send and receive packets for other addresses", "path": "can_ip_forward"} if {
	input.resource.attrs.can_ip_forward == true
	not object.get(input.resource.attrs, "name", input.resource.name) in input.params.allowed
}

# A setting known only at apply may be true: undetermined.
deny contains {"msg": "can_ip_forward is unknown until apply", "path": "can_ip_forward"} if {
	gcp.unknown(input.resource, "can_ip_forward")
	not object.get(input.resource.attrs, "name", input.resource.name) in input.params.allowed
}
