# METADATA
# title: GKE cluster nodes have public IP addresses
# description: |
#   Without private nodes every node gets an external IP address: the
#   kubelet, node ports and anything a pod binds with hostNetwork are one
#   firewall rule away from the internet. With
#   private_cluster_config.enable_private_nodes = true nodes have internal
#   addresses only and reach the internet through Cloud NAT.
# related_resources:
#   - ref: https://cloud.google.com/kubernetes-engine/docs/how-to/private-clusters
# custom:
#   id: ONUS-GCP-012
#   severity: medium
#   category: network-exposure
#   layer: network
#   targets:
#     - kind: terraform
#       types: [google_container_cluster]
#   controls:
#     nist-800-53: ["AC-4", "AC-21", "SC-7", "SC-7(3)"]
#     csa-ccm: ["IVS-03"]
#   remediation: |
#     Add private_cluster_config { enable_private_nodes = true } (with a
#     master_ipv4_cidr_block for Standard clusters) and a Cloud NAT for
#     outbound traffic. Node pools created with
#     network_config.enable_private_nodes = false still get public IPs.
package onus.gcp.gke_private_nodes

path := "private_cluster_config[0].enable_private_nodes"

deny contains {"msg": "cluster nodes get public IP addresses: private nodes are not enabled", "path": path} if {
	object.get(input.resource.attrs, ["private_cluster_config", 0, "enable_private_nodes"], false) != true
}
