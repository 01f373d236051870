package onus.azure.appservice_min_tls_test

import data.onus.azure.appservice_min_tls as p
import data.onus.lib.azure.fixture as fx

deny(r, rs) := d if {
	d := p.deny with input.resource as r with data.onus.estate as fx.estate(rs)
}

site(props) := fx.arm("Microsoft.Web/sites", "w", props)

test_tf if {
	count(deny(fx.tf("azurerm_linux_web_app", "w", {"site_config": [{}]}), [])) == 0
	[f] := [f | some f in deny(fx.tf("azurerm_windows_web_app", "w", {"site_config": [{"minimum_tls_version": "1.0"}]}), [])]
	f.path == "site_config[0].minimum_tls_version"
	[g] := [g | some g in deny(fx.tf("azurerm_app_service", "w", {"site_config": [{"min_tls_version": "1.1"}]}), [])]
	g.path == "site_config[0].min_tls_version"
}

test_arm_site_config if {
	count(deny(site({}), [])) == 0
	[f] := [f | some f in deny(site({"siteConfig": {"minTlsVersion": "1.0"}}), [])]
	f.path == "siteConfig.minTlsVersion"
	count(deny(site({"siteConfig": {"minTlsVersion": "1.3"}}), [])) == 0
}

test_arm_config_child_wins if {
	s := site({"siteConfig": {"minTlsVersion": "1.0"}})
	c := fx.refs(fx.arm("Microsoft.Web/sites/config", "w/web", {"minTlsVersion": "1.2"}), {"_resource.parent": [s.id]})
	count(deny(s, [s, c])) == 0
	count(deny(c, [s, c])) == 0
	weak := fx.arm("Microsoft.Web/sites/config", "w/web", {"minTlsVersion": "1.1"})
	[f] := [f | some f in deny(weak, [site({}), weak])]
	f.path == "minTlsVersion"
	count(deny(site({}), [site({}), weak])) == 0
}

test_arm_other_config_ignored if {
	logs := fx.arm("Microsoft.Web/sites/config", "w/logs", {"minTlsVersion": "1.0"})
	count(deny(logs, [logs])) == 0
}

test_unknown if {
	[f] := [f | some f in deny(fx.unknown(fx.tf("azurerm_linux_web_app", "w", {"site_config": [{}]}), ["site_config[0].minimum_tls_version"]), [])]
	f.path == "site_config[0].minimum_tls_version"
	[g] := [g | some g in deny(fx.unknown(site({}), ["siteConfig"]), [])]
	g.path == "siteConfig.minTlsVersion"
}
