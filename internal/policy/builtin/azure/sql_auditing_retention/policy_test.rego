package onus.azure.sql_auditing_retention_test

import data.onus.azure.sql_auditing_retention
import data.onus.lib.azure.fixture as fx

deny(r) := d if {
	d := sql_auditing_retention.deny with input.resource as r with input.params as {"min_days": 90}
}

audit(attrs) := fx.tf("azurerm_mssql_server_extended_auditing_policy", "a", attrs)

arm_audit(props) := fx.arm("Microsoft.Sql/servers/auditingSettings", "s/default", props)

test_short_retention if {
	[f] := [f | some f in deny(audit({"retention_in_days": 30}))]
	f.paths[0] == "retention_in_days"
	contains(f.msg, "30 days")
}

test_long_unlimited_disabled_pass if {
	count(deny(audit({"retention_in_days": 90}))) == 0
	count(deny(audit({}))) == 0
	count(deny(audit({"retention_in_days": 0}))) == 0
	count(deny(audit({"enabled": false, "retention_in_days": 7}))) == 0
}

test_arm if {
	[f] := [f | some f in deny(arm_audit({"state": "Enabled", "retentionDays": 14}))]
	f.paths[0] == "retentionDays"
	count(deny(arm_audit({"state": "Enabled", "retentionDays": "30"}))) == 1
	count(deny(arm_audit({"state": "Disabled", "retentionDays": 14}))) == 0
	count(deny(arm_audit({"state": "Enabled"}))) == 0
}

test_unknown_undetermined if {
	[f] := [f | some f in deny(fx.unknown(audit({}), ["retention_in_days"]))]
	f.paths[0] == "retention_in_days"
	[g] := [g | some g in deny(fx.unknown(arm_audit({"retentionDays": 7}), ["state"]))]
	"state" in g.paths
}
