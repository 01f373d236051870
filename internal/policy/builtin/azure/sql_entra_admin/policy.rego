# METADATA
# title: SQL server has no Microsoft Entra ID administrator
# description: |
#   Without a Microsoft Entra ID (Azure AD) administrator, a SQL server only
#   knows SQL logins: passwords stored in the database, outside the
#   organisation's identity lifecycle, multi-factor authentication and
#   conditional access, typically shared between people and applications
#   and rarely rotated. An Entra administrator lets users and managed
#   identities sign in with their own identities, and
#   azuread_authentication_only then turns SQL logins off. Read from the
#   azuread_administrator block of azurerm_mssql_server, and in ARM from
#   the administrators property of Microsoft.Sql/servers (administratorType
#   "ActiveDirectory") or a Microsoft.Sql/servers/administrators child
#   resource. A block known only at deployment leaves the result
#   undetermined.
# related_resources:
#   - ref: https://learn.microsoft.com/en-us/azure/azure-sql/database/authentication-aad-overview
# custom:
#   id: ONUS-AZ-011
#   severity: medium
#   category: identity
#   layer: data-access
#   targets:
#     - kind: terraform
#       types: [azurerm_mssql_server]
#     - kind: arm
#       types: ["Microsoft.Sql/servers"]
#   controls:
#     cis-azure: ["4.1.4"]
#     nist-800-53: ["AC-2", "IA-2"]
#     csa-ccm: ["IAM-13", "IAM-14"]
#   remediation: |
#     Add an azuread_administrator block (login_username, object_id of a
#     Microsoft Entra group of database administrators; optionally
#     azuread_authentication_only = true) to the azurerm_mssql_server, or in
#     ARM an administrators object (administratorType "ActiveDirectory",
#     login, sid, tenantId) or a Microsoft.Sql/servers/administrators child
#     named "ActiveDirectory".
package onus.azure.sql_entra_admin

import data.onus.lib.azure.database as db

paths := {"terraform": "azuread_administrator", "arm": "administrators"}

deny contains {"msg": "the server has no Microsoft Entra ID administrator: only SQL logins with passwords can sign in", "path": paths[input.resource.kind]} if {
	count(db.sql_entra_admins(input.resource)) == 0
}
