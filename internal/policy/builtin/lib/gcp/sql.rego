# METADATA
# title: Cloud SQL facts
# description: |
#   The settings of google_sql_database_instance that Cloud SQL policies
#   judge, with the attribute paths they are read from.
package onus.lib.gcp.sql

import data.onus.lib.gcp

ip_path := "settings[0].ip_configuration[0]"

ipv4_path := "settings[0].ip_configuration[0].ipv4_enabled"

networks_path := "settings[0].ip_configuration[0].authorized_networks"

backup_path := "settings[0].backup_configuration[0].enabled"

# ip_configuration returns the instance's ip_configuration block, {} when
# absent.
ip_configuration(r) := object.get(r.attrs, ["settings", 0, "ip_configuration", 0], {})

# public_ip holds when the instance gets a public IPv4 address:
# ipv4_enabled defaults to true.
public_ip(r) if object.get(ip_configuration(r), "ipv4_enabled", true) != false

# replica holds for a read replica (master_instance_name is set).
replica(r) if gcp.configured(r, "master_instance_name")

# open_networks returns the authorized networks open to the internet:
# [{"value", "path"}].
open_networks(r) := [{"value": n.value, "path": sprintf("%s[%d].value", [networks_path, i])} |
	some i, n in object.get(ip_configuration(r), "authorized_networks", [])
	gcp.open_cidr(object.get(n, "value", ""))
]
