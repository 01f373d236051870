# METADATA
# title: Network flow logs are kept for less than 90 days
# description: |
#   Flow logs are the record of which addresses reached which machines on
#   which ports: after an exposure such as an internet-facing database,
#   they are how one learns who connected, and when. Deleted after a few
#   days, they are gone before most breaches are noticed. Read from the
#   retention_policy block of azurerm_network_watcher_flow_log (enabled,
#   days) and properties.retentionPolicy of ARM
#   Microsoft.Network/networkWatchers/flowLogs (days, enabled); a disabled
#   retention policy or 0 days keeps the records indefinitely and passes.
#   A value known only at deployment leaves the result undetermined.
# related_resources:
#   - ref: https://learn.microsoft.com/en-us/azure/network-watcher/nsg-flow-logs-overview
# custom:
#   id: ONUS-AZ-017
#   severity: low
#   category: logging
#   layer: network
#   targets:
#     - kind: terraform
#       types: [azurerm_network_watcher_flow_log]
#     - kind: arm
#       types: ["Microsoft.Network/networkWatchers/flowLogs"]
#   controls:
#     cis-azure: ["6.5"]
#     nist-800-53: ["AU-11"]
#     csa-ccm: ["LOG-02"]
#     pci-dss: ["10.5"]
#   params:
#     min_days: {default: 90, description: the shortest acceptable retention, in days}
#   remediation: |
#     Set retention_policy { enabled = true, days = 90 } or more (Terraform)
#     or properties.retentionPolicy.days to 90 or more (ARM), or 0 to keep
#     the records indefinitely.
package onus.azure.flow_log_retention

import data.onus.lib.azure as az

keys := {
	"terraform": {"days": "retention_policy[0].days", "on": "retention_policy[0].enabled"},
	"arm": {"days": "retentionPolicy.days", "on": "retentionPolicy.enabled"},
}

k := keys[input.resource.kind]

deny contains {"msg": sprintf("flow log records are kept for %d days, fewer than %d", [d, input.params.min_days]), "paths": [k.days, k.on]} if {
	not az.falsy(az.get(input.resource, k.on, true))
	d := days(az.get(input.resource, k.days, 0))
	d > 0
	d < input.params.min_days
}

deny contains {"msg": "the flow log retention is known only at deployment", "paths": [k.days, k.on]} if {
	not az.falsy(az.get(input.resource, k.on, true))
	az.unknown(input.resource, k.days)
}

days(v) := v if is_number(v)

days(v) := to_number(v) if {
	is_string(v)
	regex.match(`^\s*[0-9]+\s*$`, v)
}
