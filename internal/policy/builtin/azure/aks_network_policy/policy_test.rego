package onus.azure.aks_network_policy_test

import data.onus.azure.aks_network_policy as p
import data.onus.lib.azure.fixture as fx

deny(r) := d if {
	d := p.deny with input.resource as r
}

tf(attrs) := fx.tf("azurerm_kubernetes_cluster", "k", attrs)

arm(props) := fx.arm("Microsoft.ContainerService/managedClusters", "k", props)

test_none_by_default if {
	[f] := [f | some f in deny(tf({}))]
	f.path == "network_profile[0].network_policy"
	[g] := [g | some g in deny(arm({}))]
	g.path == "networkProfile.networkPolicy"
	count(deny(arm({"networkProfile": {"networkPolicy": "none"}}))) == 1
}

test_engines if {
	count(deny(tf({"network_profile": [{"network_plugin": "azure", "network_policy": "calico"}]}))) == 0
	count(deny(arm({"networkProfile": {"networkPolicy": "azure"}}))) == 0
}

test_cilium_dataplane if {
	count(deny(tf({"network_profile": [{"network_plugin": "azure", "network_data_plane": "cilium"}]}))) == 0
	count(deny(tf({"network_profile": [{"network_plugin": "azure", "ebpf_data_plane": "cilium"}]}))) == 0
	count(deny(arm({"networkProfile": {"networkDataplane": "cilium"}}))) == 0
}

test_unknown if {
	[f] := [f | some f in deny(fx.unknown(tf({}), ["network_profile"]))]
	f.path == "network_profile[0].network_policy"
	[g] := [g | some g in deny(fx.unknown(arm({}), ["networkProfile.networkDataplane"]))]
	g.path == "networkProfile.networkDataplane"
}
