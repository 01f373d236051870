package onus.azure.storage_network_default_allow_test

import data.onus.azure.storage_network_default_allow as p
import data.onus.lib.azure.fixture as fx

deny(r, rs) := d if {
	d := p.deny with input.resource as r with data.onus.estate as fx.estate(rs)
}

tf(attrs) := fx.tf("azurerm_storage_account", "a", attrs)

arm(props) := fx.arm("Microsoft.Storage/storageAccounts", "st", props)

test_tf_no_rules_admits_everything if {
	r := tf({})
	[f] := [f | some f in deny(r, [r])]
	f.paths == ["network_rules", "public_network_access_enabled"]
}

test_tf_rules_block if {
	r := tf({"network_rules": [{"default_action": "Deny"}]})
	count(deny(r, [r])) == 0
	a := tf({"network_rules": [{"default_action": "Allow"}]})
	[f] := [f | some f in deny(a, [a])]
	f.paths[0] == "network_rules[0].default_action"
}

test_tf_public_access_disabled if {
	r := tf({"public_network_access_enabled": false})
	count(deny(r, [r])) == 0
}

test_tf_separate_rules_replace_the_block if {
	a := tf({})
	rules := fx.refs(fx.tf("azurerm_storage_account_network_rules", "r", {"default_action": "Deny"}), {"storage_account_id": [a.id]})
	count(deny(a, [a, rules])) == 0
	count(deny(rules, [a, rules])) == 0
	open := fx.refs(fx.tf("azurerm_storage_account_network_rules", "r", {"default_action": "Allow"}), {"storage_account_id": [a.id]})
	[f] := [f | some f in deny(open, [a, open])]
	f.paths == ["default_action"]
}

test_tf_unknown if {
	a := fx.unknown(tf({}), ["network_rules"])
	[f] := [f | some f in deny(a, [a])]
	f.path == "network_rules[0].default_action"
	b := fx.unknown(tf({"network_rules": [{"default_action": "Allow"}]}), ["public_network_access_enabled"])
	[g] := [g | some g in deny(b, [b])]
	g.paths == ["network_rules[0].default_action", "public_network_access_enabled"]
}

test_arm if {
	[f] := [f | some f in deny(arm({}), [])]
	f.paths == ["networkAcls.defaultAction", "publicNetworkAccess"]
	count(deny(arm({"networkAcls": {"defaultAction": "Deny"}}), [])) == 0
	count(deny(arm({"publicNetworkAccess": "Disabled"}), [])) == 0
	count(deny(arm({"networkAcls": {"defaultAction": "Allow"}, "publicNetworkAccess": "Enabled"}), [])) == 1
}

test_arm_unknown if {
	[f] := [f | some f in deny(fx.unknown(arm({}), ["networkAcls.defaultAction"]), [])]
	f.path == "networkAcls.defaultAction"
}

test_tf_separate_rules_on_a_closed_account if {
	a := tf({"public_network_access_enabled": false})
	open := fx.refs(fx.tf("azurerm_storage_account_network_rules", "r", {"default_action": "Allow"}), {"storage_account_id": [a.id]})
	count(deny(open, [a, open])) == 0
	u := fx.unknown(tf({}), ["public_network_access_enabled"])
	rules := fx.refs(fx.tf("azurerm_storage_account_network_rules", "r", {"default_action": "Allow"}), {"storage_account_id": [u.id]})
	[f] := [f | some f in deny(rules, [u, rules])]
	f.undetermined == true
}
