# METADATA
# title: Cloud Audit Logs exempt members from data access logging
# description: |
#   Exempted members of an audit log configuration are left out of the
#   Data Access logs they would otherwise appear in: what those accounts
#   read and change leaves no trace, which is what an attacker holding one
#   of them wants. google_project_iam_audit_config (and its folder and
#   organization counterparts) are read; every exempted_members entry is
#   reported.
# related_resources:
#   - ref: https://cloud.google.com/logging/docs/audit/configure-data-access#exempt-principals
# custom:
#   id: ONUS-GCP-034
#   severity: medium
#   category: logging
#   layer: data-access
#   targets:
#     - kind: terraform
#       types: [google_project_iam_audit_config, google_folder_iam_audit_config, google_organization_iam_audit_config]
#   controls:
#     cis-gcp: ["2.1"]
#     nist-800-53: ["AU-2", "AU-12"]
#     csa-ccm: ["LOG-07", "LOG-08"]
#   remediation: |
#     Remove exempted_members from the audit_log_config blocks; if the
#     volume of logs from a service account is the concern, exclude those
#     entries in a log sink or bucket rather than from the audit log.
package onus.gcp.audit_log_exemptions

import data.onus.lib.gcp

deny contains {"msg": sprintf("%s is exempted from %s audit logs of %s", [m, object.get(c, "log_type", "the"), object.get(input.resource.attrs, "service", "the service")]), "path": sprintf("audit_log_config[%d].exempted_members", [i])} if {
	some i, c in object.get(input.resource.attrs, "audit_log_config", [])
	some m in object.get(c, "exempted_members", [])
}

# Exemptions known only at apply: undetermined.
deny contains {"msg": "the audit log configuration is unknown until apply", "path": p} if {
	count(input.resource.unknown) > 0
	some p in gcp.unknowns(input.resource, "audit_log_config")
	not endswith(p, ".log_type")
}
