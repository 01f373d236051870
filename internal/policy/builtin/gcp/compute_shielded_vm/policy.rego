# METADATA
# title: Shielded VM protections are turned off
# description: |
#   Shielded VM's virtual TPM measures the boot chain, and integrity
#   monitoring compares each boot with the known-good baseline, so a
#   bootkit or rootkit that changes the firmware, boot loader or kernel is
#   detected. Both are on by default for Shielded VM images; a
#   shielded_instance_config block on google_compute_instance or
#   google_compute_instance_template that sets enable_vtpm or
#   enable_integrity_monitoring to false turns them off.
# related_resources:
#   - ref: https://cloud.google.com/compute/shielded-vm/docs/shielded-vm
# custom:
#   id: ONUS-GCP-036
#   severity: medium
#   category: configuration
#   layer: operating-system
#   targets:
#     - kind: terraform
#       types: [google_compute_instance, google_compute_instance_template]
#   controls:
#     cis-gcp: ["4.8"]
#     nist-800-53: ["SI-7", "SI-7(1)"]
#     csa-ccm: ["IVS-04"]
#   remediation: |
#     Remove enable_vtpm = false and enable_integrity_monitoring = false
#     from shielded_instance_config (set enable_secure_boot = true as well
#     where the image's drivers are signed), and enforce the organization
#     policy constraint compute.requireShieldedVm.
package onus.gcp.compute_shielded_vm

import data.onus.lib.gcp

names := {"enable_vtpm": "the virtual TPM", "enable_integrity_monitoring": "integrity monitoring"}

deny contains {"msg": sprintf("%s is turned off", [name]), "path": sprintf("shielded_instance_config[0].%s", [setting])} if {
	some setting, name in names
	object.get(input.resource.attrs, ["shielded_instance_config", 0, setting], true) == false
}

# A setting known only at apply may be false: undetermined.
deny contains {"msg": "the Shielded VM settings are unknown until apply", "path": p} if {
	count(input.resource.unknown) > 0
	some setting, _ in names
	some p in gcp.unknowns(input.resource, sprintf("shielded_instance_config[0].%s", [setting]))
}
