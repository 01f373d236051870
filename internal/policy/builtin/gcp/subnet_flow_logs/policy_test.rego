package onus.gcp.subnet_flow_logs_test

import data.onus.gcp.subnet_flow_logs as policy
import data.onus.lib.gcp.fixture as fx

subnet(attrs) := fx.tf("google_compute_subnetwork", "s", object.union({"name": "s", "ip_cidr_range": "10.0.0.0/24", "network": "n"}, attrs))

test_no_log_config if {
	[f] := [f | some f in policy.deny with input.resource as subnet({})]
	f.paths[0] == "log_config"
}

test_log_config if {
	count(policy.deny) == 0 with input.resource as subnet({"log_config": [{"aggregation_interval": "INTERVAL_5_SEC", "flow_sampling": 1, "metadata": "INCLUDE_ALL_METADATA"}]})
	count(policy.deny) == 0 with input.resource as subnet({"log_config": [{}]})
}

test_zero_sampling if {
	[f] := [f | some f in policy.deny with input.resource as subnet({"log_config": [{"flow_sampling": 0}]})]
	f.paths[0] == "log_config[0].flow_sampling"
}

test_proxy_only_not_reported if {
	count(policy.deny) == 0 with input.resource as subnet({"purpose": "REGIONAL_MANAGED_PROXY", "role": "ACTIVE"})
}

test_unknown_log_config_named if {
	[f] := [f | some f in policy.deny with input.resource as fx.unknown(subnet({}), ["log_config"])]
	f.paths[0] == "log_config"
}
