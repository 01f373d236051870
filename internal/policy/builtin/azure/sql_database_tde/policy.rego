# METADATA
# title: SQL database transparent data encryption is turned off
# description: |
#   Transparent data encryption encrypts a database's files, backups and
#   transaction logs at rest; Azure turns it on for every new database, so
#   turning it off is a deliberate step that leaves the data readable to
#   anyone who obtains a copy of the files or backups. Read from
#   transparent_data_encryption_enabled of azurerm_mssql_database (true by
#   default) and the state (status in older API versions) of ARM
#   Microsoft.Sql/servers/databases/transparentDataEncryption resources. A
#   value known only at deployment leaves the result undetermined.
# related_resources:
#   - ref: https://learn.microsoft.com/en-us/azure/azure-sql/database/transparent-data-encryption-tde-overview
# custom:
#   id: ONUS-AZ-018
#   severity: high
#   category: encryption
#   layer: data-access
#   targets:
#     - kind: terraform
#       types: [azurerm_mssql_database]
#     - kind: arm
#       types: ["Microsoft.Sql/servers/databases/transparentDataEncryption"]
#   controls:
#     cis-azure: ["4.1.5"]
#     nist-800-53: ["SC-28", "SC-28(1)"]
#     csa-ccm: ["CEK-03"]
#     pci-dss: ["3.5.1"]
#   remediation: |
#     Remove transparent_data_encryption_enabled = false from the
#     azurerm_mssql_database (or set it to true), or set state "Enabled" on
#     the ARM transparentDataEncryption resource.
package onus.azure.sql_database_tde

import data.onus.lib.azure as az

deny contains {"msg": "transparent data encryption is turned off: the database files, backups and logs are stored unencrypted", "path": p} if {
	input.resource.kind == "terraform"
	p := "transparent_data_encryption_enabled"
	az.falsy(az.get(input.resource, p, true))
}

deny contains {"msg": "transparent data encryption is turned off: the database files, backups and logs are stored unencrypted", "path": p} if {
	input.resource.kind == "arm"
	some p in ["state", "status"]
	v := az.get(input.resource, p, "Enabled")
	not az.enabled(v)
}

deny contains {"msg": "whether transparent data encryption is on is known only at deployment", "path": p} if {
	some p in ["transparent_data_encryption_enabled", "state", "status"]
	az.unknown(input.resource, p)
}
