package onus.azure.sql_auditing_test

import data.onus.azure.sql_auditing
import data.onus.lib.azure.fixture as fx

server := fx.tf("azurerm_mssql_server", "s", {"version": "12.0"})

audit(attrs) := fx.refs(fx.unknown(fx.tf("azurerm_mssql_server_extended_auditing_policy", "a", attrs), ["server_id"]), {"server_id": [server.id]})

deny(r, rs) := d if {
	d := sql_auditing.deny with input.resource as r with data.onus.estate as fx.estate(array.concat([r], rs))
}

arm_server := fx.arm("Microsoft.Sql/servers", "srv", {})

arm_audit(name, attrs) := fx.refs(fx.arm("Microsoft.Sql/servers/auditingSettings", name, attrs), {"_resource.parent": [arm_server.id]})

test_no_auditing if {
	[f] := [f | some f in deny(server, [])]
	contains(f, "no auditing")
}

test_auditing_policy_default_enabled if {
	count(deny(server, [audit({"log_monitoring_enabled": true})])) == 0
}

test_auditing_policy_disabled if {
	[f] := [f | some f in deny(server, [audit({"enabled": false})])]
	contains(f, "azurerm_mssql_server_extended_auditing_policy.a")
}

test_policy_of_other_server_does_not_count if {
	other := fx.refs(fx.tf("azurerm_mssql_server_extended_auditing_policy", "o", {}), {"server_id": ["m::azurerm_mssql_server.other"]})
	count(deny(server, [other])) == 1
}

test_inline_block if {
	count(deny(fx.tf("azurerm_mssql_server", "s", {"extended_auditing_policy": [{"retention_in_days": 90}]}), [])) == 0
	[f] := [f | some f in deny(fx.tf("azurerm_mssql_server", "s", {"extended_auditing_policy": [{"enabled": false}]}), [])]
	f.path == "extended_auditing_policy[0]"
}

test_unknown_enabled_undetermined if {
	a := fx.unknown(audit({}), ["server_id", "enabled"])
	[f] := [f | some f in deny(server, [a])]
	f.undetermined == true
}

test_arm_nested_child if {
	count(deny(arm_server, [arm_audit("srv/default", {"state": "Enabled"})])) == 0
	[f] := [f | some f in deny(arm_server, [arm_audit("srv/default", {"state": "Disabled"})])]
	contains(f, "disabled")
}

test_arm_top_level_child_by_name if {
	count(deny(arm_server, [fx.arm("Microsoft.Sql/servers/extendedAuditingSettings", "srv/default", {"state": "Enabled"})])) == 0
	count(deny(arm_server, [fx.arm("Microsoft.Sql/servers/auditingSettings", "other/default", {"state": "Enabled"})])) == 1
}

test_arm_no_auditing if {
	[f] := [f | some f in deny(arm_server, [])]
	contains(f, "no auditing")
}

test_arm_unknown_state_undetermined if {
	a := fx.unknown(arm_audit("srv/default", {}), ["state"])
	[f] := [f | some f in deny(arm_server, [a])]
	f.undetermined == true
}
