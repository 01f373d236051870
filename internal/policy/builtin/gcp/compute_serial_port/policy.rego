# METADATA
# title: Interactive serial console access is enabled
# description: |
#   The interactive serial console accepts connections from any IP address
#   through ssh-serialport.googleapis.com, outside the VM's firewall rules,
#   and gives a login prompt on the VM's console. It is enabled by the
#   serial-port-enable metadata key, on an instance or template, or for
#   every VM of the project in project metadata.
# related_resources:
#   - ref: https://cloud.google.com/compute/docs/troubleshooting/troubleshooting-using-serial-console
# custom:
#   id: ONUS-GCP-018
#   severity: medium
#   category: network-exposure
#   layer: operating-system
#   targets:
#     - kind: terraform
#       types: [google_compute_instance, google_compute_instance_template, google_compute_project_metadata, google_compute_project_metadata_item]
#   controls:
#     cis-gcp: ["4.5"]
#     nist-800-53: ["AC-17", "CM-7"]
#     csa-ccm: ["IVS-04"]
#   remediation: |
#     Remove the serial-port-enable metadata key (or set it to "FALSE"),
#     enable it only while debugging, and enforce the organization policy
#     constraint compute.disableSerialPortAccess.
package onus.gcp.compute_serial_port

import data.onus.lib.gcp
import data.onus.lib.gcp.compute

deny contains {"msg": sprintf("serial-port-enable is %q: the interactive serial console is reachable", [e.value]), "path": e.path} if {
	some e in compute.metadata_entries(input.resource, "serial-port-enable")
	gcp.truthy(e.value)
}

# A value known only at apply: undetermined.
deny contains {"msg": "serial-port-enable is unknown until apply", "path": p} if {
	compute.metadata_unknown(input.resource, "serial-port-enable")
	p := unknown_path(input.resource)
}

unknown_path(r) := "value" if r.type == "google_compute_project_metadata_item"

unknown_path(r) := compute.metadata_path("serial-port-enable") if r.type != "google_compute_project_metadata_item"
