package onus.azure.appservice_ftps_test

import data.onus.azure.appservice_ftps as p
import data.onus.lib.azure.fixture as fx

deny(r, rs) := d if {
	d := p.deny with input.resource as r with data.onus.estate as fx.estate(rs)
}

site(props) := fx.arm("Microsoft.Web/sites", "w", props)

test_tf_web_apps_default_disabled if {
	count(deny(fx.tf("azurerm_linux_web_app", "w", {"site_config": [{}]}), [])) == 0
	[f] := [f | some f in deny(fx.tf("azurerm_windows_web_app", "w", {"site_config": [{"ftps_state": "AllAllowed"}]}), [])]
	f.path == "site_config[0].ftps_state"
	count(deny(fx.tf("azurerm_linux_web_app", "w", {"site_config": [{"ftps_state": "FtpsOnly"}]}), [])) == 0
}

test_tf_app_service_platform_default if {
	count(deny(fx.tf("azurerm_app_service", "w", {"site_config": [{}]}), [])) == 1
	count(deny(fx.tf("azurerm_app_service", "w", {"site_config": [{"ftps_state": "Disabled"}]}), [])) == 0
}

test_arm if {
	[f] := [f | some f in deny(site({}), [])]
	f.path == "siteConfig.ftpsState"
	count(deny(site({"siteConfig": {"ftpsState": "FtpsOnly"}}), [])) == 0
}

test_arm_config_child if {
	s := site({})
	c := fx.refs(fx.arm("Microsoft.Web/sites/config", "w/web", {"ftpsState": "Disabled"}), {"_resource.parent": [s.id]})
	count(deny(s, [s, c])) == 0
	count(deny(c, [s, c])) == 0
	open := fx.arm("Microsoft.Web/sites/config", "w/web", {"ftpsState": "AllAllowed"})
	count(deny(open, [s, open])) == 1
}

test_unknown if {
	[f] := [f | some f in deny(fx.unknown(site({}), ["siteConfig.ftpsState"]), [])]
	f.path == "siteConfig.ftpsState"
}
