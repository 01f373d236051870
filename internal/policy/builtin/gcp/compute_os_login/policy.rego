# METADATA
# title: OS Login is not enforced
# description: |
#   Without OS Login, SSH access to VMs is granted by SSH keys pasted into
#   instance or project metadata: they never expire, are not tied to a
#   Google identity, and survive the departure of the person who added
#   them. OS Login ties SSH access to IAM roles and, with 2-step
#   verification, to the organization's login policy. It is enabled by the
#   enable-oslogin metadata key: project metadata
#   (google_compute_project_metadata) must set it to TRUE, and no project
#   metadata item, instance or template may turn it off.
# related_resources:
#   - ref: https://cloud.google.com/compute/docs/oslogin/set-up-oslogin
# custom:
#   id: ONUS-GCP-019
#   severity: medium
#   category: identity
#   layer: operating-system
#   targets:
#     - kind: terraform
#       types: [google_compute_instance, google_compute_instance_template, google_compute_project_metadata, google_compute_project_metadata_item]
#   controls:
#     cis-gcp: ["4.4"]
#     nist-800-53: ["AC-2", "IA-2", "IA-5"]
#     csa-ccm: ["IAM-14", "IAM-16"]
#   remediation: |
#     Set enable-oslogin = "TRUE" in the project metadata, remove
#     enable-oslogin = "FALSE" from instances and templates, grant
#     roles/compute.osLogin or roles/compute.osAdminLogin to those who need
#     SSH, and enforce the organization policy constraint
#     compute.requireOsLogin.
package onus.gcp.compute_os_login

import data.onus.lib.gcp
import data.onus.lib.gcp.compute

r := input.resource

# Instances, templates and project metadata items that turn it off.
deny contains {"msg": sprintf("enable-oslogin is %q: OS Login is turned off", [e.value]), "path": e.path} if {
	r.type != "google_compute_project_metadata"
	some e in compute.metadata_entries(r, "enable-oslogin")
	gcp.falsy(e.value)
}

# Project metadata must turn it on: an absent key leaves it off. An
# unknown metadata map is absent from attrs and named in the path.
deny contains {"msg": "project metadata does not set enable-oslogin = \"TRUE\": OS Login is off for the project's VMs", "path": compute.metadata_path("enable-oslogin")} if {
	r.type == "google_compute_project_metadata"
	not on
}

on if {
	some e in compute.metadata_entries(r, "enable-oslogin")
	gcp.truthy(e.value)
}

# An instance, template or item whose value is known only at apply may
# turn it off: undetermined.
deny contains {"msg": "enable-oslogin is unknown until apply", "path": p} if {
	r.type != "google_compute_project_metadata"
	compute.metadata_unknown(r, "enable-oslogin")
	p := unknown_path(r)
}

unknown_path(r) := "value" if r.type == "google_compute_project_metadata_item"

unknown_path(r) := compute.metadata_path("enable-oslogin") if r.type != "google_compute_project_metadata_item"
