# METADATA
# title: Cloud SQL instance accepts unencrypted connections
# description: |
#   Unless the instance requires SSL/TLS, clients may connect in clear
#   text, and credentials and query results cross the network readable by
#   anyone on the path. The instance is judged by
#   settings.ip_configuration.ssl_mode (ENCRYPTED_ONLY or
#   TRUSTED_CLIENT_CERTIFICATE_REQUIRED pass), or, when ssl_mode is not set,
#   by the older require_ssl = true.
# related_resources:
#   - ref: https://cloud.google.com/sql/docs/postgres/configure-ssl-instance
# custom:
#   id: ONUS-GCP-009
#   severity: high
#   category: encryption
#   layer: network
#   targets:
#     - kind: terraform
#       types: [google_sql_database_instance]
#   controls:
#     cis-gcp: ["6.4"]
#     nist-800-53: ["SC-8", "SC-8(1)", "SC-13"]
#     csa-ccm: ["CEK-03", "DSP-10"]
#   remediation: |
#     Set settings.ip_configuration.ssl_mode = "ENCRYPTED_ONLY" (or
#     "TRUSTED_CLIENT_CERTIFICATE_REQUIRED" to require client certificates
#     as well). Connections through the Cloud SQL Auth Proxy are encrypted
#     either way.
package onus.gcp.sql_ssl

import data.onus.lib.gcp.sql

encrypted_modes := {"ENCRYPTED_ONLY", "TRUSTED_CLIENT_CERTIFICATE_REQUIRED"}

ssl_mode_path := sprintf("%s.ssl_mode", [sql.ip_path])

require_ssl_path := sprintf("%s.require_ssl", [sql.ip_path])

ip := sql.ip_configuration(input.resource)

deny contains {"msg": sprintf("ssl_mode %q accepts unencrypted connections", [ip.ssl_mode]), "path": ssl_mode_path} if {
	is_string(ip.ssl_mode)
	not ip.ssl_mode in encrypted_modes
}

# Without ssl_mode, require_ssl decides; the result names ssl_mode too, so
# an unknown ssl_mode makes it undetermined. It points at require_ssl when
# that is written.
deny contains {"msg": "the instance does not require SSL: neither ssl_mode nor require_ssl enforces encrypted connections", "paths": paths} if {
	not "ssl_mode" in object.keys(ip)
	object.get(ip, "require_ssl", false) != true
	paths := order("require_ssl" in object.keys(ip))
}

order(true) := [require_ssl_path, ssl_mode_path]

order(false) := [ssl_mode_path, require_ssl_path]
