package onus.lib.gcp_test

import data.onus.lib.gcp
import data.onus.lib.gcp.fixture as fx

test_unknown_prefix if {
	r := fx.unknown(fx.tf("google_compute_instance", "vm", {}), ["metadata"])
	gcp.unknown(r, "metadata.serial-port-enable")
	not gcp.unknown(r, "metadata_startup_script")
}

test_unknown_within if {
	r := fx.unknown(fx.tf("google_compute_firewall", "f", {}), ["source_ranges[1]", "source_tags"])
	gcp.unknown_within(r, "source_ranges") == ["source_ranges[1]"]
	gcp.unknown_within(r, "source") == []
}

test_truthy if {
	gcp.truthy("TRUE")
	gcp.truthy(true)
	not gcp.truthy("false")
	gcp.falsy("FALSE")
	not gcp.falsy("true")
}
