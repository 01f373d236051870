# METADATA
# title: Azure Kubernetes Service facts
# description: |
#   Managed cluster settings, per format: azurerm_kubernetes_cluster for
#   Terraform, Microsoft.ContainerService/managedClusters for ARM. Each fact
#   is {"value", "path", "unknown"} with the default of the current azurerm
#   major (4.x) for Terraform and the REST API default for ARM; arguments
#   azurerm 3.x spelled differently are read too.
package onus.lib.azure.aks

import data.onus.lib.azure as az
import data.onus.lib.azure.facts

tf := "azurerm_kubernetes_cluster"

arm := "Microsoft.ContainerService/managedClusters"

set(r, p) if az.configured(r, p)

set(r, p) if az.unknown(r, p)

# rbac: is Kubernetes RBAC on? azurerm: role_based_access_control_enabled
# (role_based_access_control[0].enabled in 2.x), default true. ARM:
# enableRBAC, on unless set to false.
rbac(r) := facts.at(r, "role_based_access_control[0].enabled", true) if {
	r.type == tf
	not set(r, "role_based_access_control_enabled")
	set(r, "role_based_access_control")
} else := facts.at(r, "role_based_access_control_enabled", true) if r.type == tf

rbac(r) := facts.at(r, "enableRBAC", true) if r.type == arm

# private: is the API server reachable only from the virtual network?
# azurerm: private_cluster_enabled, default false. ARM:
# apiServerAccessProfile.enablePrivateCluster, default false.
private(r) := facts.of(r, {"terraform": "private_cluster_enabled", "arm": "apiServerAccessProfile.enablePrivateCluster"}, false) if {
	r.type in {tf, arm}
}

# authorized_ranges: the address ranges allowed to reach a public API
# server (none: every address). azurerm 4.x:
# api_server_access_profile[0].authorized_ip_ranges; 3.x also
# api_server_authorized_ip_ranges. ARM:
# apiServerAccessProfile.authorizedIPRanges.
authorized_ranges(r) := facts.at(r, "api_server_authorized_ip_ranges", []) if {
	r.type == tf
	set(r, "api_server_authorized_ip_ranges")
} else := facts.at(r, "api_server_access_profile[0].authorized_ip_ranges", []) if r.type == tf

authorized_ranges(r) := facts.at(r, "apiServerAccessProfile.authorizedIPRanges", []) if r.type == arm

# network_policy: the engine enforcing Kubernetes NetworkPolicies ("" for
# none). azurerm: network_profile[0].network_policy (azure, calico,
# cilium); a Cilium data plane (network_data_plane in 4.x, ebpf_data_plane
# in 3.x) enforces them itself. ARM: networkProfile.networkPolicy, or
# networkProfile.networkDataplane cilium.
network_policy(r) := facts.at(r, "network_profile[0].network_policy", "") if r.type == tf

network_policy(r) := facts.at(r, "networkProfile.networkPolicy", "") if r.type == arm

# dataplane returns the data plane settings of a cluster.
dataplane(r) := [facts.at(r, p, "") | some p in ["network_profile[0].network_data_plane", "network_profile[0].ebpf_data_plane"]] if r.type == tf

dataplane(r) := [facts.at(r, "networkProfile.networkDataplane", "")] if r.type == arm

# cilium holds when a cluster runs the Cilium data plane.
cilium(r) if {
	some s in dataplane(r)
	facts.text(s.value) == "cilium"
}

# local_accounts: does the cluster keep its local admin account (a static
# kubeconfig outside Entra ID)? azurerm: local_account_disabled, default
# false. ARM: disableLocalAccounts, default false.
local_accounts_disabled(r) := facts.of(r, {"terraform": "local_account_disabled", "arm": "disableLocalAccounts"}, false) if {
	r.type in {tf, arm}
}
