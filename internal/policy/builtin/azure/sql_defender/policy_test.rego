package onus.azure.sql_defender_test

import data.onus.azure.sql_defender
import data.onus.lib.azure.fixture as fx

server := fx.tf("azurerm_mssql_server", "s", {"version": "12.0"})

alert(attrs) := fx.refs(fx.unknown(fx.tf("azurerm_mssql_server_security_alert_policy", "a", attrs), ["server_name"]), {"server_name": [server.id]})

deny(r, rs) := d if {
	d := sql_defender.deny with input.resource as r with data.onus.estate as fx.estate(array.concat([r], rs))
}

arm_server := fx.arm("Microsoft.Sql/servers", "srv", {})

test_no_policy if {
	[f] := [f | some f in deny(server, [])]
	contains(f, "no security alert policy")
}

test_enabled_policy if {
	count(deny(server, [alert({"state": "Enabled"})])) == 0
}

test_disabled_policy if {
	[f] := [f | some f in deny(server, [alert({"state": "Disabled"})])]
	contains(f, "not enabled")
}

test_unknown_state_undetermined if {
	[f] := [f | some f in deny(server, [fx.unknown(alert({}), ["server_name", "state"])])]
	f.undetermined == true
}

test_arm_children if {
	nested := fx.refs(fx.arm("Microsoft.Sql/servers/securityAlertPolicies", "srv/Default", {"state": "Enabled"}), {"_resource.parent": [arm_server.id]})
	count(deny(arm_server, [nested])) == 0
	top := fx.arm("Microsoft.Sql/servers/securityAlertPolicies", "srv/Default", {"state": "Enabled"})
	count(deny(arm_server, [top])) == 0
	other := fx.arm("Microsoft.Sql/servers/securityAlertPolicies", "other/Default", {"state": "Enabled"})
	count(deny(arm_server, [other])) == 1
	off := fx.arm("Microsoft.Sql/servers/securityAlertPolicies", "srv/Default", {"state": "Disabled"})
	count(deny(arm_server, [off])) == 1
}
