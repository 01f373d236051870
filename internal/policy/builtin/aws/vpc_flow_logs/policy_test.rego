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

# --- CloudFormation ----------------------------------------------------------

cfn_vpc := fx.cfn("AWS::EC2::VPC", "Vpc", {"CidrBlock": "10.0.0.0/16"})

cfn_deny(rs) := d if {
	d := vpc_flow_logs.deny with input.resource as cfn_vpc with data.onus.estate as fx.estate(rs)
}

cfn_flow_log(props, refs) := fx.unknown(fx.refs(fx.cfn("AWS::EC2::FlowLog", "Log", props), refs), ["ResourceId"])

test_cfn_no_flow_log if {
	[f] := [f | some f in cfn_deny([cfn_vpc])]
	not f.undetermined
}

test_cfn_flow_log if {
	f := cfn_flow_log({"ResourceType": "VPC", "TrafficType": "ALL"}, {"ResourceId": [cfn_vpc.id]})
	count(cfn_deny([cfn_vpc, f])) == 0
}

test_cfn_flow_log_of_a_subnet_does_not_count if {
	s := fx.cfn("AWS::EC2::Subnet", "S", {})
	f := cfn_flow_log({"ResourceType": "Subnet", "TrafficType": "ALL"}, {"ResourceId": [s.id]})
	count(cfn_deny([cfn_vpc, s, f])) == 1
}

# A flow log whose ResourceId comes from a parameter without a value may
# be the VPC's: undetermined.
test_cfn_unresolved_flow_log if {
	f := cfn_flow_log({"ResourceType": "VPC", "TrafficType": "ALL"}, {})
	[r] := [r | some r in cfn_deny([cfn_vpc, f])]
	r.undetermined
}

# A Terraform flow log does not log a CloudFormation VPC.
test_cfn_terraform_flow_log_does_not_count if {
	f := fx.unknown(fx.tf("aws_flow_log", "f", {"traffic_type": "ALL"}), ["vpc_id"])
	[r] := [r | some r in cfn_deny([cfn_vpc, f])]
	not r.undetermined
}
