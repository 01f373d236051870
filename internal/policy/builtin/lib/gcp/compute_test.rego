package onus.lib.gcp.compute_test

import data.onus.lib.gcp.compute
import data.onus.lib.gcp.fixture as fx

test_metadata_entries if {
	r := fx.tf("google_compute_instance", "vm", {"metadata": {"serial-port-enable": "TRUE"}})
	compute.metadata_entries(r, "serial-port-enable") == [{"value": "TRUE", "path": "metadata.serial-port-enable"}]
	compute.metadata_entries(r, "enable-oslogin") == []
	item := fx.tf("google_compute_project_metadata_item", "i", {"key": "enable-oslogin", "value": "FALSE"})
	compute.metadata_entries(item, "enable-oslogin") == [{"value": "FALSE", "path": "value"}]
}

test_metadata_unknown if {
	compute.metadata_unknown(fx.unknown(fx.tf("google_compute_instance", "vm", {}), ["metadata"]), "enable-oslogin")
	compute.metadata_unknown(fx.unknown(fx.tf("google_compute_project_metadata_item", "i", {"key": "enable-oslogin"}), ["value"]), "enable-oslogin")
	not compute.metadata_unknown(fx.unknown(fx.tf("google_compute_project_metadata_item", "i", {"key": "startup-script"}), ["value"]), "enable-oslogin")
}

test_default_service_account if {
	compute.service_account(fx.tf("google_compute_instance", "vm", {"service_account": [{"scopes": ["cloud-platform"]}]})).email == "default"
	compute.service_account(fx.tf("google_compute_instance", "vm", {"service_account": [{"email": "123-compute@developer.gserviceaccount.com"}]}))
	not compute.service_account(fx.tf("google_compute_instance", "vm", {"service_account": [{"email": "app@p.iam.gserviceaccount.com"}]}))
	not compute.service_account(fx.tf("google_compute_instance", "vm", {}))
}

test_access_configs if {
	r := fx.tf("google_compute_instance", "vm", {"network_interface": [{"network": "default"}, {"network": "b", "access_config": [{}], "ipv6_access_config": [{"network_tier": "PREMIUM"}]}]})
	count(compute.access_configs(r)) == 2
	{a.path | some a in compute.access_configs(r)} == {"network_interface[1].access_config", "network_interface[1].ipv6_access_config"}
}

test_os_login_from_project if {
	vm := fx.tf("google_compute_instance", "vm", {"metadata": {}})
	project := fx.tf("google_compute_project_metadata", "p", {"metadata": {"enable-oslogin": "TRUE"}})
	compute.os_login(vm) == "on" with data.onus.estate as fx.estate([vm, project])
	compute.os_login(vm) == "off" with data.onus.estate as fx.estate([vm])
	off := fx.tf("google_compute_instance", "off", {"metadata": {"enable-oslogin": "FALSE"}})
	compute.os_login(off) == "off" with data.onus.estate as fx.estate([off, project])
	item := fx.unknown(fx.tf("google_compute_project_metadata_item", "i", {"key": "enable-oslogin"}), ["value"])
	compute.os_login(vm) == "unknown" with data.onus.estate as fx.estate([vm, item])
}
