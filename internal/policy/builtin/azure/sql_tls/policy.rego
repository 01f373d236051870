# METADATA
# title: SQL server accepts TLS versions below 1.2
# description: |
#   TLS 1.0 and 1.1 have known weaknesses (BEAST, weak MAC and cipher
#   suites) and are retired by every current compliance standard; a SQL
#   server whose minimum TLS version is below 1.2, or not enforced at all,
#   lets clients negotiate them for the connections that carry its data and
#   credentials. Read from minimum_tls_version of azurerm_mssql_server
#   ("1.0", "1.1" or "Disabled" are reported; the provider's default is
#   "1.2") and minimalTlsVersion of ARM Microsoft.Sql/servers ("1.0", "1.1"
#   or "None" are reported; an unset value is left to Azure, which no longer
#   accepts TLS 1.0 and 1.1 on Azure SQL Database).
# related_resources:
#   - ref: https://learn.microsoft.com/en-us/azure/azure-sql/database/connectivity-settings#minimal-tls-version
# custom:
#   id: ONUS-AZ-007
#   severity: medium
#   category: encryption
#   layer: network
#   targets:
#     - kind: terraform
#       types: [azurerm_mssql_server]
#     - kind: arm
#       types: ["Microsoft.Sql/servers"]
#   controls:
#     nist-800-53: ["SC-8", "SC-8(1)", "SC-13"]
#     csa-ccm: ["CEK-03", "DSP-10"]
#     pci-dss: ["4.2.1"]
#   remediation: |
#     Set minimum_tls_version = "1.2" (Terraform) or minimalTlsVersion:
#     "1.2" (ARM), after checking that client drivers support TLS 1.2.
package onus.azure.sql_tls

import data.onus.lib.azure as az

paths := {"terraform": "minimum_tls_version", "arm": "minimalTlsVersion"}

weak := {"1.0", "1.1", "disabled", "none"}

deny contains {"msg": msg(v), "path": p} if {
	p := paths[input.resource.kind]
	v := az.get(input.resource, p, "1.2")
	lower(trim_space(sprintf("%v", [v]))) in weak
}

# A version known only at deployment is reported on its path: undetermined.
deny contains {"msg": "the minimum TLS version is known only at deployment", "path": p} if {
	p := paths[input.resource.kind]
	az.unknown(input.resource, p)
}

msg(v) := sprintf("the server accepts TLS %v connections", [v]) if lower(sprintf("%v", [v])) in {"1.0", "1.1"}

msg(v) := sprintf("the server enforces no minimum TLS version (%v): clients may use TLS 1.0", [v]) if lower(sprintf("%v", [v])) in {"disabled", "none"}
