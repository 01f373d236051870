# METADATA
# title: SQL server audit logs are kept for less than 90 days
# description: |
#   Breaches are found late: the median time to identify one is measured in
#   months, and audit records deleted after a few weeks cannot show what was
#   read, by whom, before anyone noticed. Read from retention_in_days of
#   azurerm_mssql_server_extended_auditing_policy and retentionDays of the
#   ARM Microsoft.Sql/servers/auditingSettings and extendedAuditingSettings
#   resources; 0, the default, keeps records indefinitely and passes. It
#   applies to the storage account destination; records sent to Log
#   Analytics follow the workspace's retention. Disabled auditing is
#   ONUS-AZ-008.
# related_resources:
#   - ref: https://learn.microsoft.com/en-us/azure/azure-sql/database/auditing-overview
# custom:
#   id: ONUS-AZ-013
#   severity: low
#   category: logging
#   layer: data-access
#   targets:
#     - kind: terraform
#       types: [azurerm_mssql_server_extended_auditing_policy]
#     - kind: arm
#       types: ["Microsoft.Sql/servers/auditingSettings", "Microsoft.Sql/servers/extendedAuditingSettings"]
#   controls:
#     cis-azure: ["4.1.6"]
#     nist-800-53: ["AU-11"]
#     csa-ccm: ["LOG-02"]
#     pci-dss: ["10.5"]
#   params:
#     min_days: {default: 90, description: the shortest acceptable retention, in days}
#   remediation: |
#     Set retention_in_days (Terraform) or retentionDays (ARM) to 90 or more,
#     or to 0 to keep audit records indefinitely.
package onus.azure.sql_auditing_retention

import data.onus.lib.azure as az

keys := {"terraform": {"days": "retention_in_days", "on": "enabled"}, "arm": {"days": "retentionDays", "on": "state"}}

k := keys[input.resource.kind]

deny contains {"msg": sprintf("audit records are kept for %d days, fewer than %d", [d, input.params.min_days]), "paths": [k.days, k.on]} if {
	not disabled
	d := days(az.get(input.resource, k.days, 0))
	d > 0
	d < input.params.min_days
}

deny contains {"msg": "the audit retention is known only at deployment", "paths": [k.days, k.on]} if {
	not disabled
	az.unknown(input.resource, k.days)
}

disabled if az.falsy(az.get(input.resource, "enabled", true))

disabled if {
	input.resource.kind == "arm"
	not az.unknown(input.resource, "state")
	not az.enabled(az.get(input.resource, "state", ""))
}

days(v) := v if is_number(v)

days(v) := to_number(v) if {
	is_string(v)
	regex.match(`^\s*[0-9]+\s*$`, v)
}
