# METADATA
# title: VM has an external IP address
# description: |
#   A VM with an external address is reachable from the internet by
#   whatever its firewall rules admit, and one rule written too broadly
#   exposes every service it runs. An access_config (external IPv4) or
#   ipv6_access_config (external IPv6) block on a network interface of
#   google_compute_instance or google_compute_instance_template gives it
#   one; VMs without them reach the internet through Cloud NAT and are
#   reached through load balancers or Identity-Aware Proxy.
# related_resources:
#   - ref: https://cloud.google.com/compute/docs/ip-addresses/reserve-static-external-ip-address
# custom:
#   id: ONUS-GCP-021
#   severity: medium
#   category: network-exposure
#   layer: network
#   targets:
#     - kind: terraform
#       types: [google_compute_instance, google_compute_instance_template]
#   controls:
#     cis-gcp: ["4.9"]
#     nist-800-53: ["AC-4", "AC-21", "SC-7", "SC-7(3)"]
#     csa-ccm: ["IVS-03"]
#   remediation: |
#     Remove the access_config and ipv6_access_config blocks; serve traffic
#     through a load balancer, administer through Identity-Aware Proxy, and
#     give outbound access with Cloud NAT. Enforce the organization policy
#     constraint compute.vmExternalIpAccess.
package onus.gcp.compute_public_ip

import data.onus.lib.gcp
import data.onus.lib.gcp.compute

deny contains {"msg": sprintf("the VM gets an external %s address", [a.kind]), "path": a.path} if {
	some a in compute.access_configs(input.resource)
}

# Network interfaces or access configs built by dynamic blocks from unknown
# values: undetermined.
deny contains {"msg": "the VM's network interfaces are unknown until apply", "path": p} if {
	count(input.resource.unknown) > 0
	some p in gcp.unknowns(input.resource, "network_interface")
	interface_level(p)
}

interface_level(p) if p == "network_interface"

interface_level(p) if regex.match(`^network_interface\[\d+\]$`, p)

interface_level(p) if contains(p, "access_config")
