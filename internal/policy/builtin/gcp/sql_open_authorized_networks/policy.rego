# METADATA
# title: Cloud SQL instance accepts connections from the whole internet
# description: |
#   An authorized network of 0.0.0.0/0 (or ::/0) on an instance with a
#   public IP lets any address on the internet reach the database port,
#   leaving only the database password between an attacker and the data.
#   Networks in settings.ip_configuration.authorized_networks are read;
#   they have no effect when ipv4_enabled is false.
# related_resources:
#   - ref: https://cloud.google.com/sql/docs/mysql/authorize-networks
# custom:
#   id: ONUS-GCP-007
#   severity: critical
#   category: network-exposure
#   layer: network
#   targets:
#     - kind: terraform
#       types: [google_sql_database_instance]
#   controls:
#     cis-gcp: ["6.5"]
#     nist-800-53: ["AC-3", "AC-4", "AC-21", "SC-7"]
#     csa-ccm: ["IVS-03", "DSP-17"]
#   remediation: |
#     Remove the 0.0.0.0/0 authorized network. Connect through the Cloud
#     SQL Auth Proxy or a private IP (private_network with ipv4_enabled =
#     false), or authorize only the fixed addresses of known clients.
package onus.gcp.sql_open_authorized_networks

import data.onus.lib.gcp
import data.onus.lib.gcp.sql

deny contains {"msg": sprintf("authorized network %s admits the whole internet to the instance's public IP", [n.value]), "paths": [n.path, sql.ipv4_path]} if {
	sql.public_ip(input.resource)
	some n in sql.open_networks(input.resource)
}

# Authorized networks known only at apply, on an instance with a public
# IP: undetermined.
deny contains {"msg": "the authorized networks are unknown until apply", "paths": [p, sql.ipv4_path]} if {
	count(input.resource.unknown) > 0
	sql.public_ip(input.resource)
	some p in gcp.unknowns(input.resource, sql.networks_path)
}
