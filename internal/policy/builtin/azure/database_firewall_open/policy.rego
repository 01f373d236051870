# METADATA
# title: Database server firewall rule admits the whole internet
# description: |
#   A server-level firewall rule from 0.0.0.0 to 255.255.255.255 (or any
#   range of half the IPv4 space or more) lets every address on the internet
#   reach the login endpoint of an Azure SQL server or an Azure Database for
#   PostgreSQL or MySQL flexible server: the password is then the only
#   barrier, and exposed database endpoints are brute-forced around the
#   clock. Rules are read from azurerm_mssql_firewall_rule (and the older
#   azurerm_sql_firewall_rule), azurerm_postgresql_flexible_server_firewall_rule,
#   azurerm_mysql_flexible_server_firewall_rule, and the ARM firewallRules
#   child resources of Microsoft.Sql/servers,
#   Microsoft.DBforPostgreSQL/flexibleServers and
#   Microsoft.DBforMySQL/flexibleServers (nested or top-level). An address
#   known only at deployment leaves the result undetermined. The
#   0.0.0.0–0.0.0.0 rule ("allow Azure services") is ONUS-AZ-005.
# related_resources:
#   - ref: https://learn.microsoft.com/en-us/azure/azure-sql/database/firewall-configure
#   - ref: https://learn.microsoft.com/en-us/azure/postgresql/flexible-server/concepts-firewall-rules
# custom:
#   id: ONUS-AZ-004
#   severity: critical
#   category: network-exposure
#   layer: network
#   targets:
#     - kind: terraform
#       types: [azurerm_mssql_firewall_rule, azurerm_sql_firewall_rule, azurerm_postgresql_flexible_server_firewall_rule, azurerm_mysql_flexible_server_firewall_rule]
#     - kind: arm
#       types: ["Microsoft.Sql/servers/firewallRules", "Microsoft.DBforPostgreSQL/flexibleServers/firewallRules", "Microsoft.DBforMySQL/flexibleServers/firewallRules"]
#   controls:
#     cis-azure: ["4.1.2"]
#     nist-800-53: ["AC-4", "SC-7", "SC-7(5)"]
#     csa-ccm: ["IVS-03", "DSP-17"]
#     pci-dss: ["1.3.1", "1.4.4"]
#   remediation: |
#     Replace the rule with the public addresses of the clients that need
#     the database (start_ip_address / end_ip_address in Terraform,
#     startIpAddress / endIpAddress in ARM), or better, disable public
#     network access and reach the server through a private endpoint or
#     virtual network rules.
package onus.azure.database_firewall_open

import data.onus.lib.azure.database as db

# half is the size of a /1: half of the IPv4 address space.
half := 2147483648

deny contains {
	"msg": sprintf("the firewall rule admits %s to %s: %s addresses of the internet", [addr(fw.start), addr(fw.end), size(n)]),
	"paths": [fw.start_path, fw.end_path],
} if {
	fw := db.firewall_rule(input.resource)
	n := db.span(fw)
	n >= half
}

addr(v) := v if v != null

addr(null) := "an address known only at deployment"

size(n) := "all" if n == 4294967296

size(n) := sprintf("%d", [n]) if n != 4294967296
