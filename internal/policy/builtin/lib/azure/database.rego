# METADATA
# title: Azure database facts
# description: |
#   Facts about Azure SQL Database servers, Azure Database for PostgreSQL
#   and MySQL flexible servers, normalised from Terraform (azurerm_mssql_*,
#   azurerm_postgresql_flexible_server*, azurerm_mysql_flexible_server*) and
#   ARM (Microsoft.Sql/servers, Microsoft.DBforPostgreSQL/flexibleServers,
#   Microsoft.DBforMySQL/flexibleServers and their child resources): server
#   firewall rules, public network access, server parameters and auditing.
#   Each fact carries the path where its format writes it, so a finding
#   points at the native line, and an unknown value at that path leaves the
#   result undetermined.
package onus.lib.azure.database

import data.onus.lib.azure as az
import data.onus.lib.estate

# --- firewall rules ---------------------------------------------------------

firewall_types := {
	"terraform": {
		"azurerm_mssql_firewall_rule", "azurerm_sql_firewall_rule",
		"azurerm_postgresql_flexible_server_firewall_rule", "azurerm_mysql_flexible_server_firewall_rule",
	},
	"arm": {
		"Microsoft.Sql/servers/firewallRules",
		"Microsoft.DBforPostgreSQL/flexibleServers/firewallRules",
		"Microsoft.DBforMySQL/flexibleServers/firewallRules",
	},
}

firewall_keys := {
	"terraform": {"start": "start_ip_address", "end": "end_ip_address"},
	"arm": {"start": "startIpAddress", "end": "endIpAddress"},
}

# firewall_rule returns the address range of a server firewall rule:
# {"start", "end" (the addresses, or null when unknown), "start_path",
# "end_path"}; undefined for other resources.
firewall_rule(r) := {
	"start": value_or_null(r, k.start),
	"end": value_or_null(r, k.end),
	"start_path": k.start,
	"end_path": k.end,
} if {
	r.type in firewall_types[r.kind]
	k := firewall_keys[r.kind]
}

value_or_null(r, path) := null if az.unknown(r, path)

value_or_null(r, path) := az.get(r, path, null) if not az.unknown(r, path)

# ipv4 turns a dotted IPv4 address into a number; undefined for anything
# else.
ipv4(s) := n if {
	is_string(s)
	regex.match(`^\s*[0-9]{1,3}(\.[0-9]{1,3}){3}\s*$`, s)
	parts := [to_number(p) | some p in split(trim_space(s), ".")]
	every p in parts {
		p <= 255
	}
	n := ((parts[0] * 256 + parts[1]) * 256 + parts[2]) * 256 + parts[3]
}

# span returns how many addresses a firewall rule admits, reading an
# unknown start as 0.0.0.0 and an unknown end as 255.255.255.255 (the
# widest they could be); undefined when an address is not an IPv4 address.
span(fw) := (high - low) + 1 if {
	low := bound(fw.start, 0)
	high := bound(fw.end, 4294967295)
}

bound(v, def) := def if v == null

bound(v, _) := ipv4(v) if v != null

# azure_services holds for the 0.0.0.0–0.0.0.0 rule that Azure reads as
# "allow access from Azure services and resources" (any subscription's),
# with unknown addresses counted as possibly that.
azure_services(fw) if {
	fw.start in {null, "0.0.0.0"}
	fw.end in {null, "0.0.0.0"}
	not all_null(fw)
}

azure_services(fw) if all_null(fw)

all_null(fw) if {
	fw.start == null
	fw.end == null
}

# --- servers ----------------------------------------------------------------

sql_server_types := {"terraform": {"azurerm_mssql_server"}, "arm": {"Microsoft.Sql/servers"}}

flexible_server_types := {
	"terraform": {"azurerm_postgresql_flexible_server", "azurerm_mysql_flexible_server"},
	"arm": {"Microsoft.DBforPostgreSQL/flexibleServers", "Microsoft.DBforMySQL/flexibleServers"},
}

# engine names a server's engine for messages.
engine(r) := "SQL server" if r.type in sql_server_types[r.kind]

engine(r) := "PostgreSQL flexible server" if r.type in {"azurerm_postgresql_flexible_server", "Microsoft.DBforPostgreSQL/flexibleServers"}

engine(r) := "MySQL flexible server" if r.type in {"azurerm_mysql_flexible_server", "Microsoft.DBforMySQL/flexibleServers"}

public_paths := {
	"terraform": {"access": "public_network_access_enabled", "subnet": "delegated_subnet_id"},
	"arm": {"access": "publicNetworkAccess", "subnet": "delegatedSubnetResourceId"},
}

# public_access returns {"public" (true, false), "path", "paths"} for a SQL
# or flexible server: whether its public endpoint accepts connections
# (subject to its firewall rules), with Azure's default when unset:
# public for SQL servers; for flexible servers, public unless the server is
# injected into a delegated subnet. paths lists every attribute the answer
# rests on; an unknown one leaves the result undetermined.
public_access(r) := {"public": is_public(r, v), "path": p, "paths": [p]} if {
	r.type in sql_server_types[r.kind]
	p := public_paths[r.kind].access
	v := az.get(r, p, default_public[r.kind])
}

public_access(r) := {"public": public_unless_injected(r, v, s), "path": p, "paths": [p]} if {
	r.type in flexible_server_types[r.kind]
	prefix := object.get({"arm": "network."}, r.kind, "")
	p := concat("", [prefix, public_paths[r.kind].access])
	s := concat("", [prefix, public_paths[r.kind].subnet])
	v := az.get(r, p, default_public[r.kind])
}

default_public := {"terraform": true, "arm": "Enabled"}

is_public(r, v) if {
	r.kind == "terraform"
	not az.falsy(v)
}

is_public(r, v) if {
	r.kind == "arm"
	az.enabled(v)
}

default is_public(_, _) := false

# A server injected into a delegated subnet (VNet integration) has no
# public endpoint, whatever the access setting says. A subnet id known only
# at deployment ([resourceId(...)] of a subnet in another template, a
# variable without a value) is still a subnet: the server is injected.
public_unless_injected(r, _, s) := false if injected(r, s)

public_unless_injected(r, v, s) := is_public(r, v) if not injected(r, s)

injected(r, s) if az.configured(r, s)

injected(r, s) if az.unknown(r, s)

# --- server parameters -------------------------------------------------------

configuration_types := {
	"terraform": {"azurerm_postgresql_flexible_server_configuration", "azurerm_mysql_flexible_server_configuration"},
	"arm": {"Microsoft.DBforPostgreSQL/flexibleServers/configurations", "Microsoft.DBforMySQL/flexibleServers/configurations"},
}

# parameter returns a server parameter resource as {"name" (lower case, or
# null when unknown), "value" (or null when unknown), "name_path",
# "value_path"}. Terraform names it in "name"; ARM in the resource name
# ("server/require_secure_transport").
parameter(r) := {
	"name": tf_name(r),
	"value": value_or_null(r, "value"),
	"name_path": "name",
	"value_path": "value",
} if {
	r.kind == "terraform"
	r.type in configuration_types.terraform
}

parameter(r) := {
	"name": arm_name(r),
	"value": value_or_null(r, "value"),
	"name_path": "_resource.name",
	"value_path": "value",
} if {
	r.kind == "arm"
	r.type in configuration_types.arm
}

tf_name(r) := null if az.unknown(r, "name")

tf_name(r) := lower(az.get(r, "name", "")) if not az.unknown(r, "name")

arm_name(r) := null if az.unknown(r, "_resource.name")

arm_name(r) := lower(parts[count(parts) - 1]) if {
	not az.unknown(r, "_resource.name")
	parts := split(r.name, "/")
}

# postgresql and mysql tell a parameter resource's engine.
postgresql(r) if r.type in {"azurerm_postgresql_flexible_server_configuration", "Microsoft.DBforPostgreSQL/flexibleServers/configurations"}

mysql(r) if r.type in {"azurerm_mysql_flexible_server_configuration", "Microsoft.DBforMySQL/flexibleServers/configurations"}

# off reads a server parameter's boolean off ("OFF", "off", "0", false).
off(v) if {
	is_string(v)
	lower(trim_space(v)) in {"off", "0", "false"}
}

off(v) if v == false

# old_tls holds for a TLS protocol name below 1.2 ("TLSv1", "TLSv1.1").
old_tls(v) if {
	is_string(v)
	some t in split(lower(v), ",")
	trim_space(t) in {"tlsv1", "tlsv1.0", "tlsv1.1", "tls1_0", "tls1_1"}
}

# --- auditing ------------------------------------------------------------------

# sql_audits returns the auditing settings that apply to a SQL server:
# Terraform azurerm_mssql_server_extended_auditing_policy resources that
# refer to it (and the inline extended_auditing_policy block of provider
# versions before 3.0); ARM auditingSettings and extendedAuditingSettings
# child resources. Each is {"enabled" (true, false or "unknown"), "path",
# "resource"}.
sql_audits(r) := array.concat(
	[{"enabled": audit_enabled(x, "enabled", true), "path": "enabled", "resource": x} |
		r.kind == "terraform"
		some x in az.referring(r.id, "azurerm_mssql_server_extended_auditing_policy", "server_id")
	],
	array.concat(
		[{"enabled": audit_enabled(r, sprintf("extended_auditing_policy[%d].enabled", [i]), true), "path": sprintf("extended_auditing_policy[%d]", [i]), "resource": r} |
			r.kind == "terraform"
			some i, _ in az.get(r, "extended_auditing_policy", [])
		],
		[{"enabled": arm_state(x), "path": "state", "resource": x} |
			r.kind == "arm"
			some t in ["Microsoft.Sql/servers/auditingSettings", "Microsoft.Sql/servers/extendedAuditingSettings"]
			some x in az.children(r, t)
		],
	),
)

audit_enabled(x, path, _) := "unknown" if az.unknown(x, path)

audit_enabled(x, path, def) := false if {
	not az.unknown(x, path)
	az.falsy(az.get(x, path, def))
}

audit_enabled(x, path, def) := true if {
	not az.unknown(x, path)
	not az.falsy(az.get(x, path, def))
}

arm_state(x) := "unknown" if az.unknown(x, "state")

arm_state(x) := true if {
	not az.unknown(x, "state")
	az.enabled(az.get(x, "state", ""))
}

arm_state(x) := false if {
	not az.unknown(x, "state")
	not az.enabled(az.get(x, "state", ""))
}

# --- Microsoft Entra administrator ---------------------------------------------

# sql_entra_admins returns where a SQL server's Microsoft Entra ID
# administrator is set: the azuread_administrator block of
# azurerm_mssql_server; in ARM the server's administrators property
# (administratorType "ActiveDirectory") or an administrators child resource.
# Each is {"path", "resource"}.
sql_entra_admins(r) := [{"path": sprintf("azuread_administrator[%d]", [i]), "resource": r} |
	some i, _ in az.get(r, "azuread_administrator", [])
] if r.kind == "terraform"

sql_entra_admins(r) := array.concat(
	[{"path": "administrators", "resource": r} |
		a := az.get(r, "administrators", {})
		is_object(a)
		count(a) > 0
		lower(object.get(a, "administratorType", "ActiveDirectory")) == "activedirectory"
	],
	[{"path": "administratorType", "resource": x} |
		some x in az.children(r, "Microsoft.Sql/servers/administrators")
		lower(az.get(x, "administratorType", "ActiveDirectory")) == "activedirectory"
	],
) if r.kind == "arm"


# --- Microsoft Defender for SQL --------------------------------------------------

# sql_alert_policies returns the threat detection (security alert) policies
# of a SQL server: Terraform azurerm_mssql_server_security_alert_policy
# resources whose server_name refers to it, ARM securityAlertPolicies child
# resources. Each is {"enabled" (true, false or "unknown"), "resource"}.
sql_alert_policies(r) := [{"enabled": state(x), "resource": x} |
	some x in az.referring(r.id, "azurerm_mssql_server_security_alert_policy", "server_name")
] if r.kind == "terraform"

sql_alert_policies(r) := [{"enabled": state(x), "resource": x} |
	some x in az.children(r, "Microsoft.Sql/servers/securityAlertPolicies")
] if r.kind == "arm"

# state reads a "state": "Enabled" setting; unknown when it is.
state(x) := "unknown" if az.unknown(x, "state")

state(x) := true if {
	not az.unknown(x, "state")
	az.enabled(az.get(x, "state", ""))
}

state(x) := false if {
	not az.unknown(x, "state")
	not az.enabled(az.get(x, "state", ""))
}
