# METADATA
# title: PostgreSQL or MySQL flexible server accepts unencrypted or pre-TLS 1.2 connections
# description: |
#   Azure Database for PostgreSQL and MySQL flexible servers require TLS
#   1.2 by default; server parameters can weaken that. With
#   require_secure_transport set to OFF, clients may connect in clear text
#   and passwords and query results cross the network readable; with
#   ssl_min_protocol_version (PostgreSQL) or tls_version (MySQL) allowing
#   TLSv1 or TLSv1.1, clients may negotiate protocols with known weaknesses.
#   Read from azurerm_postgresql_flexible_server_configuration and
#   azurerm_mysql_flexible_server_configuration (name and value), and from
#   the ARM configurations child resources of
#   Microsoft.DBforPostgreSQL/flexibleServers and
#   Microsoft.DBforMySQL/flexibleServers ("server/require_secure_transport",
#   properties.value). A name or value known only at deployment leaves the
#   result undetermined.
# related_resources:
#   - ref: https://learn.microsoft.com/en-us/azure/postgresql/flexible-server/concepts-networking-ssl-tls
#   - ref: https://learn.microsoft.com/en-us/azure/mysql/flexible-server/how-to-connect-tls-ssl
# custom:
#   id: ONUS-AZ-009
#   severity: high
#   category: encryption
#   layer: network
#   targets:
#     - kind: terraform
#       types: [azurerm_postgresql_flexible_server_configuration, azurerm_mysql_flexible_server_configuration]
#     - kind: arm
#       types: ["Microsoft.DBforPostgreSQL/flexibleServers/configurations", "Microsoft.DBforMySQL/flexibleServers/configurations"]
#   controls:
#     cis-azure: ["4.3.1", "4.4.1", "4.4.2"]
#     nist-800-53: ["SC-8", "SC-8(1)", "SC-13"]
#     csa-ccm: ["CEK-03", "DSP-10"]
#     pci-dss: ["4.2.1"]
#   remediation: |
#     Remove the configuration resource or set require_secure_transport to
#     "ON", ssl_min_protocol_version to "TLSv1.2" (PostgreSQL) and
#     tls_version to "TLSv1.2" or "TLSv1.2,TLSv1.3" (MySQL): the value
#     argument in Terraform, properties.value in ARM.
package onus.azure.database_secure_transport

import data.onus.lib.azure.database as db

p := db.parameter(input.resource)

deny contains {"msg": "require_secure_transport is OFF: clients may connect without TLS, in clear text", "path": p.value_path} if {
	p.name == "require_secure_transport"
	db.off(p.value)
}

deny contains {"msg": sprintf("%s is %q: clients may negotiate TLS versions below 1.2", [p.name, p.value]), "path": p.value_path} if {
	tls_parameter(p.name)
	db.old_tls(p.value)
}

# The value of a transport parameter is known only at deployment.
deny contains {"msg": sprintf("the value of %s is known only at deployment", [p.name]), "path": p.value_path} if {
	p.value == null
	p.name in {"require_secure_transport", "ssl_min_protocol_version", "tls_version"}
}

# The parameter's name is known only at deployment, and its value would
# weaken transport security for the parameters it could be.
deny contains {"msg": "the name of a server parameter set to a weak transport value is known only at deployment", "paths": [p.name_path, p.value_path]} if {
	p.name == null
	weak_value(p.value)
}

tls_parameter("ssl_min_protocol_version") if db.postgresql(input.resource)

tls_parameter("tls_version") if db.mysql(input.resource)

weak_value(v) if db.off(v)

weak_value(v) if db.old_tls(v)
