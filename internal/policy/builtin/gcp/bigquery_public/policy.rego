# METADATA
# title: BigQuery dataset is accessible to everyone
# description: |
#   A dataset access entry or IAM grant for allUsers or
#   allAuthenticatedUsers lets anyone on the internet, or anyone with a
#   Google account, query the dataset's tables. Access is read from the
#   access blocks of google_bigquery_dataset (iam_member, or special_group
#   "allAuthenticatedUsers") and from google_bigquery_dataset_iam_member,
#   _iam_binding and _iam_policy.
# related_resources:
#   - ref: https://cloud.google.com/bigquery/docs/control-access-to-resources-iam
# custom:
#   id: ONUS-GCP-026
#   severity: critical
#   category: public-access
#   layer: data-access
#   targets:
#     - kind: terraform
#       types: [google_bigquery_dataset, google_bigquery_dataset_access, google_bigquery_dataset_iam_member, google_bigquery_dataset_iam_binding, google_bigquery_dataset_iam_policy]
#   controls:
#     cis-gcp: ["7.1"]
#     nist-800-53: ["AC-3", "AC-4", "AC-6", "AC-21"]
#     csa-ccm: ["DSP-17", "IAM-16"]
#   remediation: |
#     Remove the access entries and IAM grants for allUsers and
#     allAuthenticatedUsers, and grant roles/bigquery.dataViewer to the
#     groups that need the data; publish public data through an
#     Analytics Hub listing instead.
package onus.gcp.bigquery_public

import data.onus.lib.gcp
import data.onus.lib.gcp.iam

r := input.resource

deny contains {"msg": sprintf("%s is granted %s on the dataset", [g.member, g.role]), "paths": g.paths} if {
	some g in iam.public_grants(r)
}

deny contains {"msg": "the dataset's members are unknown until apply", "path": p} if {
	some p in iam.unknown_member_paths(r)
}

deny contains {"msg": sprintf("access entry %d grants %s to %s", [i, object.get(a, "role", "a role"), who]), "path": sprintf("access[%d]", [i])} if {
	r.type == "google_bigquery_dataset"
	some i, a in object.get(r.attrs, "access", [])
	who := public_entity(a)
}

deny contains {"msg": sprintf("the access entry grants %s to %s", [object.get(r.attrs, "role", "a role"), who]), "paths": ["iam_member", "special_group"]} if {
	r.type == "google_bigquery_dataset_access"
	who := public_entity(r.attrs)
}

public_entity(a) := a.iam_member if gcp.public_member(object.get(a, "iam_member", ""))

public_entity(a) := a.special_group if object.get(a, "special_group", "") == "allAuthenticatedUsers"

# Access entries known only at apply: undetermined.
deny contains {"msg": "the dataset's access entries are unknown until apply", "path": p} if {
	r.type == "google_bigquery_dataset"
	count(r.unknown) > 0
	some p in gcp.unknowns(r, "access")
	not contains(p, ".role")
}
