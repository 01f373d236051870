# METADATA
# title: Cosmos DB account accepts its account keys
# description: |
#   A Cosmos DB account's primary and secondary keys grant full read and
#   write access to every database and container, never expire, are not
#   tied to a person, and leave no identity in the logs: a key found in a
#   repository, a configuration file or a leaked connection string is the
#   whole account. With key-based (local) authentication disabled, clients
#   sign in with Microsoft Entra ID and Azure RBAC decides what they may do.
#   Read from local_authentication_disabled of azurerm_cosmosdb_account and
#   disableLocalAuth of ARM Microsoft.DocumentDB/databaseAccounts (both
#   false by default). A value known only at deployment leaves the result
#   undetermined.
# related_resources:
#   - ref: https://learn.microsoft.com/en-us/azure/cosmos-db/how-to-setup-rbac#disable-local-auth
# custom:
#   id: ONUS-AZ-014
#   severity: medium
#   category: identity
#   layer: data-access
#   targets:
#     - kind: terraform
#       types: [azurerm_cosmosdb_account]
#     - kind: arm
#       types: ["Microsoft.DocumentDB/databaseAccounts"]
#   controls:
#     cis-azure: ["4.5.3"]
#     nist-800-53: ["AC-2", "IA-2"]
#     csa-ccm: ["IAM-13", "IAM-16"]
#   remediation: |
#     Give the applications Cosmos DB data-plane role assignments
#     (azurerm_cosmosdb_sql_role_assignment, sqlRoleAssignments) for their
#     managed identities, then set local_authentication_disabled = true
#     (Terraform) or disableLocalAuth: true (ARM).
package onus.azure.cosmos_local_auth

import data.onus.lib.azure as az

paths := {"terraform": "local_authentication_disabled", "arm": "disableLocalAuth"}

deny contains {"msg": "the account accepts its account keys: anyone holding a key has full access to every container", "path": p} if {
	p := paths[input.resource.kind]
	not az.truthy(az.get(input.resource, p, false))
}
