# METADATA
# title: VM accepts project-wide SSH keys
# description: |
#   SSH keys in project metadata open every VM of the project that does not
#   block them: one key, often old and shared, reaches every machine. A VM
#   blocks them with the block-project-ssh-keys metadata key. A VM with OS
#   Login on ignores metadata keys altogether and is not reported: turned on
#   in its own metadata, or in the project metadata
#   (google_compute_project_metadata or _item) of the same configuration
#   without the VM turning it off.
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

msg := "project-wide SSH keys are not blocked on this VM, and OS Login is off"

# The paths name the VM's own keys, so that an unknown value of either is
# undetermined.
paths := [compute.metadata_path("block-project-ssh-keys"), compute.metadata_path("enable-oslogin")]

deny contains {"msg": msg, "paths": paths} if {
	not blocked
	compute.os_login(r) == "off"
}

# OS Login set in project metadata known only at apply: undetermined.
deny contains {"msg": msg, "paths": paths, "undetermined": true} if {
	not blocked
	compute.os_login(r) == "unknown"
	not compute.metadata_unknown(r, "enable-oslogin")
}

blocked if {
	some e in compute.metadata_entries(r, "block-project-ssh-keys")
	gcp.truthy(e.value)
}
