package onus.lib.azure.database_test

import data.onus.lib.azure.database as db
import data.onus.lib.azure.fixture as fx

test_ipv4 if {
	db.ipv4("0.0.0.0") == 0
	db.ipv4("255.255.255.255") == 4294967295
	db.ipv4(" 10.0.0.1 ") == 167772161
	not db.ipv4("256.0.0.1")
	not db.ipv4("10.0.0")
	not db.ipv4("::1")
}

test_span_reads_unknown_as_widest if {
	db.span({"start": "0.0.0.0", "end": "255.255.255.255"}) == 4294967296
	db.span({"start": null, "end": "0.0.0.255"}) == 256
	db.span({"start": "255.255.255.0", "end": null}) == 256
}

test_firewall_rule_unknown_address_is_null if {
	r := fx.unknown(fx.tf("azurerm_mssql_firewall_rule", "r", {"end_ip_address": "1.2.3.4"}), ["start_ip_address"])
	fw := db.firewall_rule(r)
	fw.start == null
	fw.end == "1.2.3.4"
}

test_off_and_old_tls if {
	db.off("OFF")
	db.off(" off ")
	db.off(false)
	not db.off("on")
	db.old_tls("TLSv1")
	db.old_tls("TLSv1.2, TLSv1.1")
	not db.old_tls("TLSv1.2,TLSv1.3")
}

test_parameter_names if {
	p := db.parameter(fx.arm("Microsoft.DBforMySQL/flexibleServers/configurations", "srv/Require_Secure_Transport", {"value": "OFF"}))
	p.name == "require_secure_transport"
	p.value == "OFF"
	q := db.parameter(fx.unknown(fx.arm("Microsoft.DBforMySQL/flexibleServers/configurations", "[parameters('n')]", {"value": "OFF"}), ["_resource.name"]))
	q.name == null
}
