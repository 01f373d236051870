# METADATA
# title: SQL server auditing is not enabled
# description: |
#   Without server auditing, nobody can tell afterwards who read or changed
#   the data of an Azure SQL server, from where, or whether a leaked
#   password was used: the evidence an investigation and a breach
#   notification rest on does not exist. Server-level auditing covers every
#   database of the server. In Terraform it is an
#   azurerm_mssql_server_extended_auditing_policy whose server_id refers to
#   the azurerm_mssql_server (enabled defaults to true; the inline
#   extended_auditing_policy block of provider versions before 3.0 counts
#   too); in ARM an auditingSettings or extendedAuditingSettings child
#   resource of the Microsoft.Sql/servers (nested, or top-level named
#   "server/default") with state "Enabled". A setting known only at
#   deployment leaves the result undetermined.
# related_resources:
#   - ref: https://learn.microsoft.com/en-us/azure/azure-sql/database/auditing-overview
# custom:
#   id: ONUS-AZ-008
#   severity: medium
#   category: logging
#   layer: data-access
#   targets:
#     - kind: terraform
#       types: [azurerm_mssql_server]
#     - kind: arm
#       types: ["Microsoft.Sql/servers"]
#   controls:
#     cis-azure: ["4.1.1"]
#     nist-800-53: ["AU-2", "AU-3", "AU-12"]
#     csa-ccm: ["LOG-08"]
#     pci-dss: ["10.2.1"]
#   remediation: |
#     Add an azurerm_mssql_server_extended_auditing_policy with server_id =
#     azurerm_mssql_server.<name>.id and a storage account or Log Analytics
#     destination (log_monitoring_enabled), or in ARM a
#     Microsoft.Sql/servers/auditingSettings child named "default" with
#     state "Enabled" and isAzureMonitorTargetEnabled or a
#     storageEndpoint; keep the logs for at least 90 days
#     (retention_in_days, retentionDays).
package onus.azure.sql_auditing

import data.onus.lib.azure.database as db

audits := db.sql_audits(input.resource)

states := {a.enabled | some a in audits}

deny contains "no auditing setting applies to the server: logins, queries and changes to its data are not recorded" if {
	count(audits) == 0
}

deny contains result if {
	count(audits) > 0
	not true in states
	not "unknown" in states
	some a in audits
	result := disabled(a)
}

# Whether auditing is on is known only at deployment: undetermined.
deny contains {"msg": "whether the server's auditing is enabled is known only at deployment", "undetermined": true} if {
	not true in states
	"unknown" in states
}

disabled(a) := {"msg": "the server's auditing setting is disabled", "path": a.path} if a.resource.id == input.resource.id

disabled(a) := sprintf("the server's auditing setting %s is disabled", [a.resource.address]) if a.resource.id != input.resource.id
