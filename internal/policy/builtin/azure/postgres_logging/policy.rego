# METADATA
# title: PostgreSQL flexible server connection or checkpoint logging is turned off
# description: |
#   The server logs of a PostgreSQL server are where failed and successful
#   logins, session ends and checkpoints appear; with log_connections,
#   log_disconnections or log_checkpoints turned OFF, a password-guessing
#   run or an unknown client draining the database leaves no trace, and
#   with connection_throttle.enable OFF, repeated failed logins are not
#   slowed down. Read from azurerm_postgresql_flexible_server_configuration
#   (name, value) and the ARM configurations child resources of
#   Microsoft.DBforPostgreSQL/flexibleServers ("server/log_connections",
#   properties.value). A value known only at deployment leaves the result
#   undetermined.
# related_resources:
#   - ref: https://learn.microsoft.com/en-us/azure/postgresql/flexible-server/concepts-logging
# custom:
#   id: ONUS-AZ-016
#   severity: low
#   category: logging
#   layer: data-access
#   targets:
#     - kind: terraform
#       types: [azurerm_postgresql_flexible_server_configuration]
#     - kind: arm
#       types: ["Microsoft.DBforPostgreSQL/flexibleServers/configurations"]
#   controls:
#     cis-azure: ["4.3.2", "4.3.3", "4.3.4", "4.3.5"]
#     nist-800-53: ["AU-2", "AU-12", "AC-7"]
#     csa-ccm: ["LOG-08"]
#   remediation: |
#     Remove the configuration resource or set its value to "on" (value in
#     Terraform, properties.value in ARM), and send the server's logs to a
#     Log Analytics workspace with a diagnostic setting.
package onus.azure.postgres_logging

import data.onus.lib.azure.database as db

watched := {"log_connections", "log_disconnections", "log_checkpoints", "connection_throttle.enable", "connection_throttling"}

p := db.parameter(input.resource)

deny contains {"msg": sprintf("%s is %v: %s", [p.name, p.value, effect[p.name]]), "path": p.value_path} if {
	db.postgresql(input.resource)
	p.name in watched
	db.off(p.value)
}

deny contains {"msg": sprintf("the value of %s is known only at deployment", [p.name]), "path": p.value_path} if {
	db.postgresql(input.resource)
	p.name in watched
	p.value == null
}

# A parameter whose name is known only at deployment, set to off.
deny contains {"msg": "the name of a server parameter set to off is known only at deployment", "paths": [p.name_path, p.value_path]} if {
	db.postgresql(input.resource)
	p.name == null
	db.off(p.value)
}

effect := {
	"log_connections": "successful and failed logins are not logged",
	"log_disconnections": "session ends and durations are not logged",
	"log_checkpoints": "checkpoints are not logged",
	"connection_throttle.enable": "repeated failed logins are not slowed down",
	"connection_throttling": "repeated failed logins are not slowed down",
}
