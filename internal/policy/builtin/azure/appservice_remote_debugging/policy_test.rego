package onus.azure.appservice_remote_debugging_test

import data.onus.azure.appservice_remote_debugging as p
import data.onus.lib.azure.fixture as fx

deny(r, rs) := d if {
	d := p.deny with input.resource as r with data.onus.estate as fx.estate(rs)
}

site(props) := fx.arm("Microsoft.Web/sites", "w", props)

test_off_by_default if {
	count(deny(fx.tf("azurerm_linux_web_app", "w", {"site_config": [{}]}), [])) == 0
	count(deny(site({}), [])) == 0
}

test_on if {
	[f] := [f | some f in deny(fx.tf("azurerm_windows_web_app", "w", {"site_config": [{"remote_debugging_enabled": true}]}), [])]
	f.path == "site_config[0].remote_debugging_enabled"
	[g] := [g | some g in deny(site({"siteConfig": {"remoteDebuggingEnabled": true}}), [])]
	g.path == "siteConfig.remoteDebuggingEnabled"
}

test_config_child if {
	s := site({})
	c := fx.refs(fx.arm("Microsoft.Web/sites/config", "w/web", {"remoteDebuggingEnabled": true, "remoteDebuggingVersion": "VS2022"}), {"_resource.parent": [s.id]})
	[f] := [f | some f in deny(c, [s, c])]
	f.path == "remoteDebuggingEnabled"
	count(deny(s, [s, c])) == 0
}

test_unknown if {
	[f] := [f | some f in deny(fx.unknown(fx.tf("azurerm_app_service", "w", {"site_config": [{}]}), ["site_config[0].remote_debugging_enabled"]), [])]
	f.path == "site_config[0].remote_debugging_enabled"
}
