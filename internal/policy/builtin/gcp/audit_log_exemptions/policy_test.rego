package onus.gcp.audit_log_exemptions_test

import data.onus.gcp.audit_log_exemptions as policy
import data.onus.lib.gcp.fixture as fx

audit(configs) := fx.tf("google_project_iam_audit_config", "a", {"project": "p", "service": "allServices", "audit_log_config": configs})

test_exempted if {
	[f] := [f | some f in policy.deny with input.resource as audit([{"log_type": "ADMIN_READ"}, {"log_type": "DATA_READ", "exempted_members": ["serviceAccount:etl@p.iam.gserviceaccount.com"]}])]
	f.path == "audit_log_config[1].exempted_members"
	contains(f.msg, "DATA_READ")
}

test_no_exemptions if {
	count(policy.deny) == 0 with input.resource as audit([{"log_type": "ADMIN_READ"}, {"log_type": "DATA_READ"}, {"log_type": "DATA_WRITE"}])
}

test_unknown_members if {
	[f] := [f | some f in policy.deny with input.resource as fx.unknown(audit([{"log_type": "DATA_READ"}]), ["audit_log_config[0].exempted_members"])]
	f.path == "audit_log_config[0].exempted_members"
}
