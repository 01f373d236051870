package onus.aws.eks_audit_logging_test

import data.onus.aws.eks_audit_logging
import data.onus.lib.aws.fixture as fx

deny(attrs) := d if {
	d := eks_audit_logging.deny with input.resource as fx.tf("aws_eks_cluster", "c", attrs) with input.params as {"required": ["audit", "authenticator"]}
}

test_none if {
	[f] := [f | some f in deny({})]
	contains(f.msg, "audit, authenticator")
}

test_api_only if {
	count(deny({"enabled_cluster_log_types": ["api"]})) == 1
}

test_all if {
	count(deny({"enabled_cluster_log_types": ["api", "audit", "authenticator"]})) == 0
}

cfn_deny(props) := d if {
	d := eks_audit_logging.deny with input.resource as fx.cfn("AWS::EKS::Cluster", "Cluster", props) with input.params as {"required": ["audit", "authenticator"]}
}

test_cfn_none if {
	[f] := [f | some f in cfn_deny({})]
	contains(f.msg, "audit, authenticator")
	f.path == "Logging.ClusterLogging.EnabledTypes"
}

test_cfn_partial if {
	[f] := [f | some f in cfn_deny({"Logging": {"ClusterLogging": {"EnabledTypes": [{"Type": "api"}, {"Type": "audit"}]}}})]
	contains(f.msg, "logs authenticator are")
}

test_cfn_all if {
	count(cfn_deny({"Logging": {"ClusterLogging": {"EnabledTypes": [{"Type": "audit"}, {"Type": "authenticator"}]}}})) == 0
}
