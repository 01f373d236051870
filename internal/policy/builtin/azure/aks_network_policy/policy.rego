# METADATA
# title: AKS cluster does not enforce network policies
# description: |
#   Without a network policy engine, Kubernetes NetworkPolicies are accepted
#   but ignored: every pod can reach every other pod and service, so one
#   compromised workload reaches the databases and control services of all
#   the others. Checked on azurerm_kubernetes_cluster
#   (network_profile.network_policy: azure, calico or cilium; a Cilium data
#   plane, network_data_plane or ebpf_data_plane, enforces them too; no
#   network_profile means kubenet without policies) and on ARM
#   Microsoft.ContainerService/managedClusters
#   (networkProfile.networkPolicy, or networkProfile.networkDataplane
#   cilium). The engine can be added to an existing cluster only in some
#   configurations: choose it at creation.
# related_resources:
#   - ref: https://learn.microsoft.com/en-us/azure/aks/use-network-policies
# custom:
#   id: ONUS-AZ-030
#   severity: medium
#   category: network-exposure
#   layer: network
#   targets:
#     - kind: terraform
#       types: [azurerm_kubernetes_cluster]
#     - kind: arm
#       types: ["Microsoft.ContainerService/managedClusters"]
#   controls:
#     nist-800-53: ["AC-4", "SC-7"]
#     csa-ccm: ["IVS-03", "IVS-06"]
#   remediation: |
#     Set network_profile { network_plugin = "azure", network_policy =
#     "azure" } (or "calico", or network_data_plane = "cilium" with
#     network_policy = "cilium") on the azurerm_kubernetes_cluster; in ARM
#     set networkProfile.networkPolicy (or networkDataplane "cilium"). Then
#     write NetworkPolicies that deny by default.
package onus.azure.aks_network_policy

import data.onus.lib.azure.aks
import data.onus.lib.azure.facts

r := input.resource

none(v) if v == ""

none(v) if v == null

none(v) if facts.text(v) == "none"

dataplane_unknown if {
	some d in aks.dataplane(r)
	d.unknown
}

deny contains {"msg": "no network policy engine: NetworkPolicies are not enforced and every pod reaches every other", "path": s.path} if {
	s := aks.network_policy(r)
	not s.unknown
	none(s.value)
	not aks.cilium(r)
	not dataplane_unknown
}

deny contains {"msg": "the cluster's network policy engine is unknown until deployment", "path": s.path} if {
	s := aks.network_policy(r)
	s.unknown
	not aks.cilium(r)
}

deny contains {"msg": "the cluster's data plane is unknown until deployment", "path": d.path} if {
	s := aks.network_policy(r)
	not s.unknown
	none(s.value)
	some d in aks.dataplane(r)
	d.unknown
}
