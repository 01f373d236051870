# METADATA
# title: SQL server has no threat detection (Microsoft Defender for SQL alerts)
# description: |
#   A server security alert policy makes Microsoft Defender for SQL watch
#   the server's activity and raise alerts on SQL injection, logins from
#   unusual places, brute-force attempts and unusual exports of data. Without
#   one, an attack on the server's data goes unnoticed until the data shows
#   up elsewhere. In Terraform it is an
#   azurerm_mssql_server_security_alert_policy whose server_name refers to
#   the azurerm_mssql_server, with state "Enabled"; in ARM a
#   Microsoft.Sql/servers/securityAlertPolicies child resource with state
#   "Enabled" (nested, or top-level named "server/Default"). Defender for
#   SQL can also be enabled for the whole subscription
#   (azurerm_security_center_subscription_pricing, Microsoft.Security/pricings),
#   which this policy does not see: waive it there.
# related_resources:
#   - ref: https://learn.microsoft.com/en-us/azure/azure-sql/database/threat-detection-overview
# custom:
#   id: ONUS-AZ-015
#   severity: low
#   category: logging
#   layer: data-access
#   targets:
#     - kind: terraform
#       types: [azurerm_mssql_server]
#     - kind: arm
#       types: ["Microsoft.Sql/servers"]
#   controls:
#     cis-azure: ["4.2.1"]
#     nist-800-53: ["SI-4", "RA-5"]
#     csa-ccm: ["LOG-03"]
#   remediation: |
#     Add an azurerm_mssql_server_security_alert_policy with server_name =
#     azurerm_mssql_server.<name>.name and state = "Enabled", or in ARM a
#     Microsoft.Sql/servers/securityAlertPolicies child named "Default" with
#     state "Enabled"; or enable Defender for SQL on the subscription.
package onus.azure.sql_defender

import data.onus.lib.azure.database as db

policies := db.sql_alert_policies(input.resource)

states := {p.enabled | some p in policies}

deny contains "no security alert policy applies to the server: SQL injection, brute force and unusual data exports raise no alert" if {
	count(policies) == 0
}

deny contains sprintf("the server's security alert policy %s is not enabled", [p.resource.address]) if {
	count(policies) > 0
	not true in states
	not "unknown" in states
	some p in policies
}

deny contains {"msg": "whether the server's security alert policy is enabled is known only at deployment", "undetermined": true} if {
	not true in states
	"unknown" in states
}
