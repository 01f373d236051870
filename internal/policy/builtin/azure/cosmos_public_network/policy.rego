# METADATA
# title: Cosmos DB account accepts connections from all networks
# description: |
#   A Cosmos DB account with public network access and neither an IP filter
#   nor a virtual network filter answers every address on the internet: its
#   account keys, which never expire and are often found in code and
#   configuration files, are then all an attacker needs to read and write
#   every container. Read from azurerm_cosmosdb_account
#   (public_network_access_enabled, ip_range_filter,
#   is_virtual_network_filter_enabled) and ARM
#   Microsoft.DocumentDB/databaseAccounts (publicNetworkAccess, ipRules,
#   isVirtualNetworkFilterEnabled); an IP filter entry of 0.0.0.0/0 counts
#   as no filter. A setting known only at deployment leaves the result
#   undetermined.
# related_resources:
#   - ref: https://learn.microsoft.com/en-us/azure/cosmos-db/how-to-configure-firewall
# custom:
#   id: ONUS-AZ-010
#   severity: high
#   category: network-exposure
#   layer: network
#   targets:
#     - kind: terraform
#       types: [azurerm_cosmosdb_account]
#     - kind: arm
#       types: ["Microsoft.DocumentDB/databaseAccounts"]
#   controls:
#     cis-azure: ["4.5.1", "4.5.2"]
#     nist-800-53: ["AC-4", "SC-7", "SC-7(5)"]
#     csa-ccm: ["IVS-03", "DSP-17"]
#     pci-dss: ["1.4.4"]
#   remediation: |
#     Set public_network_access_enabled = false (ARM publicNetworkAccess:
#     "Disabled") and use a private endpoint, or restrict the account to
#     selected networks: ip_range_filter with your addresses (ARM ipRules)
#     and is_virtual_network_filter_enabled = true with virtual_network_rule
#     blocks (ARM isVirtualNetworkFilterEnabled, virtualNetworkRules).
package onus.azure.cosmos_public_network

import data.onus.lib.azure.cosmos

n := cosmos.network(input.resource)

deny contains {"msg": "the account has public network access and no IP or virtual network filter: every network can reach it", "paths": n.paths} if {
	n.public != false
	n.vnet != true
	count(n.ips) == 0
}

deny contains {"msg": sprintf("the account's IP filter admits %s: every network can reach it", [ip.value]), "paths": array.concat([ip.path], n.paths)} if {
	n.public != false
	some ip in n.ips
	cosmos.open_ip(ip.value)
}

# An IP filter entry known only at deployment could be 0.0.0.0/0.
deny contains {"msg": "an entry of the account's IP filter is known only at deployment", "path": ip.path} if {
	n.public != false
	some ip in n.ips
	ip.value == null
}
