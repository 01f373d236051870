# METADATA
# title: Cloud SQL instance has a public IP address
# description: |
#   An instance with a public IPv4 address is reachable from the internet
#   by whatever its authorized networks admit, and its attack surface
#   depends on that list staying short. Cloud SQL gives an instance a
#   public IP unless settings.ip_configuration.ipv4_enabled is false, so an
#   instance without an ip_configuration block has one.
# related_resources:
#   - ref: https://cloud.google.com/sql/docs/mysql/configure-private-ip
# custom:
#   id: ONUS-GCP-008
#   severity: medium
#   category: network-exposure
#   layer: network
#   targets:
#     - kind: terraform
#       types: [google_sql_database_instance]
#   controls:
#     cis-gcp: ["6.6"]
#     nist-800-53: ["AC-4", "AC-21", "SC-7", "SC-7(3)"]
#     csa-ccm: ["IVS-03"]
#   remediation: |
#     Give the instance a private IP (settings.ip_configuration.private_network
#     on a VPC peered through private services access) and set
#     ipv4_enabled = false. Clients outside the VPC connect through the
#     Cloud SQL Auth Proxy over a private path.
package onus.gcp.sql_public_ip

import data.onus.lib.gcp.sql

deny contains {"msg": "the instance has a public IPv4 address (ipv4_enabled is not false)", "path": sql.ipv4_path} if {
	sql.public_ip(input.resource)
}
