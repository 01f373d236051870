package onus.azure.aks_public_api_server_test

import data.onus.azure.aks_public_api_server as p
import data.onus.lib.azure.fixture as fx

deny(r) := d if {
	d := p.deny with input.resource as r
}

tf(attrs) := fx.tf("azurerm_kubernetes_cluster", "k", attrs)

arm(props) := fx.arm("Microsoft.ContainerService/managedClusters", "k", props)

test_public_by_default if {
	[f] := [f | some f in deny(tf({}))]
	f.paths == ["private_cluster_enabled", "api_server_access_profile[0].authorized_ip_ranges"]
	[g] := [g | some g in deny(arm({}))]
	g.paths == ["apiServerAccessProfile.enablePrivateCluster", "apiServerAccessProfile.authorizedIPRanges"]
}

test_private if {
	count(deny(tf({"private_cluster_enabled": true}))) == 0
	count(deny(arm({"apiServerAccessProfile": {"enablePrivateCluster": true}}))) == 0
}

test_authorized_ranges if {
	count(deny(tf({"api_server_access_profile": [{"authorized_ip_ranges": ["203.0.113.0/24"]}]}))) == 0
	count(deny(tf({"api_server_authorized_ip_ranges": ["203.0.113.0/24"]}))) == 0
	count(deny(arm({"apiServerAccessProfile": {"authorizedIPRanges": ["203.0.113.0/24"]}}))) == 0
}

test_open_range_counts_as_none if {
	count(deny(tf({"api_server_access_profile": [{"authorized_ip_ranges": ["0.0.0.0/0"]}]}))) == 1
	[f] := [f | some f in deny(tf({"api_server_authorized_ip_ranges": ["10.0.0.0/8", "0.0.0.0/0"]}))]
	f.paths == ["api_server_authorized_ip_ranges", "private_cluster_enabled"]
}

test_unknown_ranges if {
	[f] := [f | some f in deny(fx.unknown(tf({}), ["api_server_access_profile"]))]
	f.path == "api_server_access_profile[0].authorized_ip_ranges"
}

test_unknown_private_flag if {
	[f] := [f | some f in deny(fx.unknown(arm({}), ["apiServerAccessProfile.enablePrivateCluster"]))]
	f.paths[0] == "apiServerAccessProfile.enablePrivateCluster"
	count(deny(fx.unknown(arm({"apiServerAccessProfile": {"authorizedIPRanges": ["203.0.113.0/24"]}}), ["apiServerAccessProfile.enablePrivateCluster"]))) == 0
}
