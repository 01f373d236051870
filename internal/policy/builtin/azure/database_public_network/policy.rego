# METADATA
# title: Database server accepts connections on its public endpoint
# description: |
#   With public network access enabled, an Azure SQL server or an Azure
#   Database for PostgreSQL or MySQL flexible server answers on a public
#   address, and its server-level firewall rules are all that stands
#   between the internet and the login prompt: one rule too wide (a
#   0.0.0.0–255.255.255.255 rule, "allow Azure services") exposes the data.
#   Azure enables it unless told otherwise. Read from
#   public_network_access_enabled of azurerm_mssql_server,
#   azurerm_postgresql_flexible_server and azurerm_mysql_flexible_server
#   (flexible servers injected into a delegated_subnet_id have no public
#   endpoint), and from publicNetworkAccess of Microsoft.Sql/servers and
#   network.publicNetworkAccess of Microsoft.DBforPostgreSQL/flexibleServers
#   and Microsoft.DBforMySQL/flexibleServers (network.delegatedSubnetResourceId
#   likewise).
# related_resources:
#   - ref: https://learn.microsoft.com/en-us/azure/azure-sql/database/connectivity-settings#deny-public-network-access
#   - ref: https://learn.microsoft.com/en-us/azure/postgresql/flexible-server/concepts-networking
# custom:
#   id: ONUS-AZ-006
#   severity: medium
#   category: network-exposure
#   layer: network
#   targets:
#     - kind: terraform
#       types: [azurerm_mssql_server, azurerm_postgresql_flexible_server, azurerm_mysql_flexible_server]
#     - kind: arm
#       types: ["Microsoft.Sql/servers", "Microsoft.DBforPostgreSQL/flexibleServers", "Microsoft.DBforMySQL/flexibleServers"]
#   controls:
#     cis-azure: ["4.1.2"]
#     nist-800-53: ["AC-4", "SC-7"]
#     csa-ccm: ["IVS-03", "DSP-17"]
#     pci-dss: ["1.4.4"]
#   remediation: |
#     Set public_network_access_enabled = false (Terraform) or
#     publicNetworkAccess: "Disabled" (ARM; network.publicNetworkAccess for
#     flexible servers) and reach the server through a private endpoint, or
#     deploy a flexible server into a delegated subnet
#     (delegated_subnet_id, network.delegatedSubnetResourceId).
package onus.azure.database_public_network

import data.onus.lib.azure.database as db

deny contains {
	"msg": sprintf("the %s accepts connections on its public endpoint, limited only by its firewall rules", [db.engine(input.resource)]),
	"paths": a.paths,
} if {
	a := db.public_access(input.resource)
	a.public
}
