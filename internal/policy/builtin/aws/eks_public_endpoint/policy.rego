# METADATA
# title: EKS API server endpoint is open to the internet
# description: |
#   By default an EKS cluster's Kubernetes API endpoint is public and
#   accepts connections from 0.0.0.0/0: every credential leak, token
#   misconfiguration or API server vulnerability is reachable from
#   anywhere. The endpoint is open when vpc_config.endpoint_public_access is
#   true or unset and public_access_cidrs is unset or includes 0.0.0.0/0
#   (or ::/0). On EKS (containers as a service) the network layer is shared:
#   AWS runs the endpoint, the customer decides who can reach it.
# related_resources:
#   - ref: https://docs.aws.amazon.com/eks/latest/userguide/cluster-endpoint.html
# custom:
#   id: ONUS-AWS-040
#   severity: high
#   category: network-exposure
#   layer: network
#   targets:
#     - kind: terraform
#       types: [aws_eks_cluster]
#   controls:
#     nist-800-53: ["AC-3", "AC-4", "SC-7"]
#     csa-ccm: ["IVS-03"]
#     pci-dss: ["1.4.1"]
#   remediation: |
#     Set endpoint_private_access = true and endpoint_public_access = false
#     (reach the API through a VPN or a bastion), or list the CIDR blocks of
#     your offices and CI in public_access_cidrs.
package onus.aws.eks_public_endpoint

import data.onus.lib.aws

vpc := object.get(input.resource.attrs, ["vpc_config", 0], {})

deny contains result if {
	input.resource.kind == "terraform"
	object.get(vpc, "endpoint_public_access", true) == true
	cidrs := object.get(vpc, "public_access_cidrs", ["0.0.0.0/0"])
	some c in cidrs
	aws.open_cidr(c)
	result := {
		"msg": sprintf("the Kubernetes API endpoint is public and accepts connections from %s", [c]),
		"paths": ["vpc_config[0].public_access_cidrs", "vpc_config[0].endpoint_public_access"],
	}
}
