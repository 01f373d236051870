# METADATA
# title: VM runs as the Compute Engine default service account
# description: |
#   The Compute Engine default service account holds the project-wide
#   Editor role unless the organization removed it: anything that runs on
#   the VM, or reaches its metadata server, can act with it. With the
#   cloud-platform access scope nothing limits those permissions, and a
#   compromised VM can change almost every resource of the project; that
#   case is reported as high. google_compute_instance and
#   google_compute_instance_template are read; a service_account block
#   without an email runs as the default account.
# related_resources:
#   - ref: https://cloud.google.com/compute/docs/access/service-accounts#default_service_account
# custom:
#   id: ONUS-GCP-017
#   severity: medium
#   category: identity
#   layer: data-access
#   targets:
#     - kind: terraform
#       types: [google_compute_instance, google_compute_instance_template]
#   controls:
#     cis-gcp: ["4.1", "4.2"]
#     nist-800-53: ["AC-6", "AC-6(1)"]
#     csa-ccm: ["IAM-05"]
#   remediation: |
#     Create a service account for the workload with only the roles it
#     needs, and set service_account { email = ..., scopes =
#     ["cloud-platform"] } to it: IAM roles then decide what the VM may do.
package onus.gcp.compute_default_service_account

import data.onus.lib.gcp
import data.onus.lib.gcp.compute

sa := compute.service_account(input.resource)

deny contains {
	"msg": "the VM runs as the Compute Engine default service account with the cloud-platform scope: full access to every Cloud API the account's roles allow",
	"paths": [sa.path, sa.scopes_path],
	"severity": "high",
} if {
	some s in sa.scopes
	compute.full_access_scope(s)
}

deny contains {"msg": "the VM runs as the Compute Engine default service account", "paths": [sa.path, sa.scopes_path]} if {
	every s in sa.scopes {
		not compute.full_access_scope(s)
	}
}

# A service_account block built from values known only at apply (a
# dynamic block): undetermined.
deny contains {"msg": "the VM's service account is unknown until apply", "path": "service_account"} if {
	compute.instance(input.resource)
	gcp.unknown(input.resource, "service_account")
}
