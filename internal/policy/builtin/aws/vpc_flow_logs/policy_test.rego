package onus.aws.vpc_flow_logs_test

import data.onus.aws.vpc_flow_logs
import data.onus.lib.aws.fixture as fx

vpc := fx.tf("aws_vpc", "main", {"cidr_block": "10.0.0.0/16"})

deny(rs) := d if {
	d := vpc_flow_logs.deny with input.resource as vpc with data.onus.estate as fx.estate(rs)
}

test_no_flow_log if {
	[f] := [f | some f in deny([vpc])]
	not f.undetermined
}

test_flow_log if {
	f := fx.unknown(fx.refs(fx.tf("aws_flow_log", "f", {"traffic_type": "ALL"}), {"vpc_id": [vpc.id]}), ["vpc_id"])
	count(deny([vpc, f])) == 0
}

test_flow_log_of_a_subnet_does_not_count if {
	s := fx.tf("aws_subnet", "s", {})
	f := fx.refs(fx.tf("aws_flow_log", "f", {}), {"subnet_id": [s.id]})
	count(deny([vpc, s, f])) == 1
}

test_unresolved_flow_log_is_undetermined if {
	f := fx.unknown(fx.tf("aws_flow_log", "f", {"traffic_type": "ALL"}), ["vpc_id"])
	[r] := [r | some r in deny([vpc, f])]
	r.undetermined
}
