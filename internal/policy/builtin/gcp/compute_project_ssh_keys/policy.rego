# METADATA
# title: VM accepts project-wide SSH keys
# description: |
#   SSH keys in project metadata open every VM of the project that does not
#   block them: one key, often old and shared, reaches every machine. A VM
#   blocks them with the block-project-ssh-keys metadata key; a VM with OS
#   Login turned on in its own metadata ignores metadata keys altogether
#   and is not reported.
# related_resources:
#   - ref: https://cloud.google.com/compute/docs/connect/restrict-ssh-keys#block-keys
# custom:
#   id: ONUS-GCP-020
#   severity: medium
#   category: identity
#   layer: operating-system
#   targets:
#     - kind: terraform
#       types: [google_compute_instance, google_compute_instance_template]
#   controls:
#     cis-gcp: ["4.3"]
#     nist-800-53: ["AC-2", "AC-6", "IA-5"]
#     csa-ccm: ["IAM-16"]
#   remediation: |
#     Set block-project-ssh-keys = "TRUE" in the metadata of the instance
#     or template, or better, enable-oslogin = "TRUE" and grant SSH access
#     with IAM.
package onus.gcp.compute_project_ssh_keys

import data.onus.lib.gcp
import data.onus.lib.gcp.compute

r := input.resource

deny contains {"msg": "project-wide SSH keys are not blocked on this VM", "paths": [compute.metadata_path("block-project-ssh-keys"), compute.metadata_path("enable-oslogin")]} if {
	not set(r, "block-project-ssh-keys")
	not set(r, "enable-oslogin")
}

set(r, key) if {
	some e in compute.metadata_entries(r, key)
	gcp.truthy(e.value)
}
