# METADATA
# title: GKE control plane endpoint is open to the internet
# description: |
#   Without master authorized networks, the public endpoint of the
#   cluster's API server accepts connections from any address, so every
#   exploit against the API server and every leaked credential is usable
#   from anywhere. A cluster passes when master_authorized_networks_config
#   is set and none of its cidr_blocks is 0.0.0.0/0, or when its control
#   plane has only a private endpoint
#   (private_cluster_config.enable_private_endpoint = true).
# related_resources:
#   - ref: https://cloud.google.com/kubernetes-engine/docs/how-to/authorized-networks
# custom:
#   id: ONUS-GCP-013
#   severity: high
#   category: network-exposure
#   layer: network
#   targets:
#     - kind: terraform
#       types: [google_container_cluster]
#   controls:
#     nist-800-53: ["AC-3", "AC-4", "SC-7"]
#     csa-ccm: ["IVS-03"]
#   remediation: |
#     Add master_authorized_networks_config with cidr_blocks for the
#     networks your administrators and CI reach the cluster from, or make
#     the endpoint private (private_cluster_config.enable_private_endpoint
#     = true) and reach it from inside the VPC.
package onus.gcp.gke_master_authorized_networks

import data.onus.lib.gcp

attrs := input.resource.attrs

private_endpoint_path := "private_cluster_config[0].enable_private_endpoint"

private_endpoint if object.get(attrs, ["private_cluster_config", 0, "enable_private_endpoint"], false) == true

deny contains {"msg": "the control plane's public endpoint accepts connections from any address: no master authorized networks", "paths": ["master_authorized_networks_config", private_endpoint_path]} if {
	not private_endpoint
	count(object.get(attrs, "master_authorized_networks_config", [])) == 0
}

deny contains {"msg": sprintf("master authorized network %s admits any address to the control plane", [b.cidr_block]), "paths": [sprintf("master_authorized_networks_config[0].cidr_blocks[%d].cidr_block", [i]), private_endpoint_path]} if {
	not private_endpoint
	some i, b in object.get(attrs, ["master_authorized_networks_config", 0, "cidr_blocks"], [])
	gcp.open_cidr(object.get(b, "cidr_block", ""))
}

# CIDR blocks known only at apply, on a public endpoint: undetermined.
deny contains {"msg": "the master authorized networks are unknown until apply", "paths": [p, private_endpoint_path]} if {
	count(input.resource.unknown) > 0
	not private_endpoint
	count(object.get(attrs, "master_authorized_networks_config", [])) > 0
	some p in gcp.unknown_within(input.resource, "master_authorized_networks_config[0].cidr_blocks")
}
