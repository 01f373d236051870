# METADATA
# title: Database firewall allows access from all Azure services
# description: |
#   The firewall rule from 0.0.0.0 to 0.0.0.0 is Azure's "allow Azure
#   services and resources to access this server": it admits connections
#   from every Azure address, including virtual machines and functions of
#   any other customer's subscription, so the server's password is the only
#   barrier against anyone with an Azure account. Rules are read from
#   azurerm_mssql_firewall_rule (and azurerm_sql_firewall_rule),
#   azurerm_postgresql_flexible_server_firewall_rule,
#   azurerm_mysql_flexible_server_firewall_rule and the ARM firewallRules
#   child resources of Microsoft.Sql/servers,
#   Microsoft.DBforPostgreSQL/flexibleServers and
#   Microsoft.DBforMySQL/flexibleServers. Cosmos DB spells the same
#   exception as the IP filter entry 0.0.0.0 ("accept connections from
#   within public Azure datacenters"): ip_range_filter of
#   azurerm_cosmosdb_account, ipRules of Microsoft.DocumentDB/databaseAccounts.
#   Rules open to the whole internet are ONUS-AZ-004 (ONUS-AZ-010 for
#   Cosmos DB).
# related_resources:
#   - ref: https://learn.microsoft.com/en-us/azure/azure-sql/database/network-access-controls-overview#allow-azure-services
# custom:
#   id: ONUS-AZ-005
#   severity: medium
#   category: network-exposure
#   layer: network
#   targets:
#     - kind: terraform
#       types: [azurerm_mssql_firewall_rule, azurerm_sql_firewall_rule, azurerm_postgresql_flexible_server_firewall_rule, azurerm_mysql_flexible_server_firewall_rule, azurerm_cosmosdb_account]
#     - kind: arm
#       types: ["Microsoft.Sql/servers/firewallRules", "Microsoft.DBforPostgreSQL/flexibleServers/firewallRules", "Microsoft.DBforMySQL/flexibleServers/firewallRules", "Microsoft.DocumentDB/databaseAccounts"]
#   controls:
#     cis-azure: ["4.1.2", "4.3.7", "4.5.1"]
#     nist-800-53: ["AC-4", "SC-7"]
#     csa-ccm: ["IVS-03"]
#   remediation: |
#     Delete the 0.0.0.0–0.0.0.0 rule (start_ip_address and end_ip_address
#     "0.0.0.0" in Terraform, startIpAddress and endIpAddress in ARM), or
#     the 0.0.0.0 entry of a Cosmos DB account's ip_range_filter (ARM
#     ipRules), and reach the database from your Azure resources through
#     virtual network rules or a private endpoint.
package onus.azure.database_firewall_azure_services

import data.onus.lib.azure.cosmos
import data.onus.lib.azure.database as db

deny contains {
	"msg": "the firewall rule 0.0.0.0–0.0.0.0 admits every Azure service and resource, those of other customers' subscriptions included",
	"paths": [fw.start_path, fw.end_path],
} if {
	fw := db.firewall_rule(input.resource)
	db.azure_services(fw)
}

deny contains {
	"msg": "the IP filter entry 0.0.0.0 accepts connections from every Azure datacenter, other customers' resources included",
	"paths": array.concat([ip.path], n.paths),
} if {
	n := cosmos.network(input.resource)
	n.public != false
	some ip in n.ips
	ip.value == "0.0.0.0"
}
