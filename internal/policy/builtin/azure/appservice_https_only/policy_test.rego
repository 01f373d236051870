package onus.azure.appservice_https_only_test

import data.onus.azure.appservice_https_only as p
import data.onus.lib.azure.fixture as fx

deny(r) := d if {
	d := p.deny with input.resource as r
}

test_tf_off_by_default if {
	[f] := [f | some f in deny(fx.tf("azurerm_linux_web_app", "w", {"site_config": [{}]}))]
	f.path == "https_only"
	count(deny(fx.tf("azurerm_app_service", "w", {}))) == 1
}

test_tf_on if {
	count(deny(fx.tf("azurerm_windows_web_app", "w", {"https_only": true}))) == 0
}

test_arm if {
	[f] := [f | some f in deny(fx.arm("Microsoft.Web/sites", "w", {}))]
	f.path == "httpsOnly"
	count(deny(fx.arm("Microsoft.Web/sites", "w", {"httpsOnly": true}))) == 0
	count(deny(fx.arm("Microsoft.Web/sites/slots", "w/staging", {"httpsOnly": false}))) == 1
}

test_unknown if {
	[f] := [f | some f in deny(fx.unknown(fx.tf("azurerm_linux_web_app", "w", {}), ["https_only"]))]
	f.path == "https_only"
	[g] := [g | some g in deny(fx.unknown(fx.arm("Microsoft.Web/sites", "w", {}), ["httpsOnly"]))]
	g.path == "httpsOnly"
}
