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
#   In CloudFormation the settings are
#   ResourcesVpcConfig.EndpointPublicAccess (default true) and
#   ResourcesVpcConfig.PublicAccessCidrs (default 0.0.0.0/0) of
#   AWS::EKS::Cluster.
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
#     - kind: cloudformation
#       types: ["AWS::EKS::Cluster"]
#   controls:
#     nist-800-53: ["AC-3", "AC-4", "SC-7"]
#     csa-ccm: ["IVS-03"]
#     pci-dss: ["1.4.1"]
#   remediation: |
#     Set endpoint_private_access = true and endpoint_public_access = false
#     (reach the API through a VPN or a bastion), or list the CIDR blocks of
#     your offices and CI in public_access_cidrs.
#     In CloudFormation, set ResourcesVpcConfig EndpointPublicAccess: false
#     and EndpointPrivateAccess: true, or PublicAccessCidrs to the admin
#     networks.
package onus.aws.eks_public_endpoint

import data.onus.lib.aws
import data.onus.lib.aws.eks

deny contains result if {
	e := eks.endpoint(input.resource)
	e.public == true
	some c in e.cidrs
	aws.open_cidr(c)
	result := {
		"msg": sprintf("the Kubernetes API endpoint is public and accepts connections from %s", [c]),
		"paths": e.paths,
	}
}
