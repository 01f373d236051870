# METADATA
# title: AKS API server is open to the internet
# description: |
#   A cluster that is neither private nor limited to authorized IP ranges
#   exposes its Kubernetes API server to every address on the internet,
#   where it is scanned and attacked with leaked credentials and API server
#   vulnerabilities. Checked on azurerm_kubernetes_cluster
#   (private_cluster_enabled, default false;
#   api_server_access_profile.authorized_ip_ranges, or
#   api_server_authorized_ip_ranges in azurerm 3.x) and on ARM
#   Microsoft.ContainerService/managedClusters
#   (apiServerAccessProfile.enablePrivateCluster and
#   apiServerAccessProfile.authorizedIPRanges). A range list that includes
#   0.0.0.0/0 counts as none.
# related_resources:
#   - ref: https://learn.microsoft.com/en-us/azure/aks/api-server-authorized-ip-ranges
# custom:
#   id: ONUS-AZ-029
#   severity: high
#   category: network-exposure
#   layer: network
#   targets:
#     - kind: terraform
#       types: [azurerm_kubernetes_cluster]
#     - kind: arm
#       types: ["Microsoft.ContainerService/managedClusters"]
#   controls:
#     nist-800-53: ["AC-3", "AC-4", "SC-7"]
#     csa-ccm: ["IVS-03"]
#   remediation: |
#     Set private_cluster_enabled = true on the azurerm_kubernetes_cluster, or
#     list the networks your administrators and CI use in
#     api_server_access_profile { authorized_ip_ranges = [...] }. In ARM set
#     apiServerAccessProfile.enablePrivateCluster to true, or
#     apiServerAccessProfile.authorizedIPRanges.
package onus.azure.aks_public_api_server

import data.onus.lib.azure as az
import data.onus.lib.azure.aks

r := input.resource

# ranges are the authorized ranges when known; open holds when none limit
# the API server
ranges := s if {
	s := aks.authorized_ranges(r)
	not s.unknown
}

open if count(ranges.value) == 0

open if {
	some c in ranges.value
	az.open_prefix(c)
}

deny contains {"msg": msg, "paths": order(p.path, ranges)} if {
	p := aks.private(r)
	not p.unknown
	not az.truthy(p.value)
	open
	msg := "the API server is public and not limited to authorized IP ranges"
}

# a finding points at the ranges when some are written (one of them is
# open), else at the private cluster flag
order(private, s) := [s.path, private] if count(s.value) > 0

order(private, s) := [private, s.path] if count(s.value) == 0

# an unknown private flag or unknown ranges leave the result undetermined
deny contains {"msg": "whether the API server is private is unknown until deployment", "paths": [p.path, s.path]} if {
	p := aks.private(r)
	p.unknown
	s := aks.authorized_ranges(r)
	s.unknown
}

deny contains {"msg": "whether the API server is private is unknown until deployment", "paths": [p.path, ranges.path]} if {
	p := aks.private(r)
	p.unknown
	open
}

deny contains {"msg": "the API server's authorized IP ranges are unknown until deployment", "path": s.path} if {
	p := aks.private(r)
	not p.unknown
	not az.truthy(p.value)
	s := aks.authorized_ranges(r)
	s.unknown
}
