# METADATA
# title: Compute Engine facts
# description: |
#   Instance metadata, service accounts and network interfaces of
#   google_compute_instance and google_compute_instance_template, and the
#   project-wide metadata of google_compute_project_metadata and
#   google_compute_project_metadata_item, with the attribute paths they are
#   read from.
package onus.lib.gcp.compute

import data.onus.lib.estate
import data.onus.lib.gcp

instance_types := {"google_compute_instance", "google_compute_instance_template"}

project_metadata_types := {"google_compute_project_metadata", "google_compute_project_metadata_item"}

# instance holds for a VM or an instance template.
instance(r) if r.type in instance_types

# metadata_path is the path of a metadata key.
metadata_path(key) := sprintf("metadata.%s", [key])

# metadata_entries returns the values a resource sets for a metadata key,
# as [{"value", "path"}]: instance and project metadata maps, and project
# metadata items whose key is the key.
metadata_entries(r, key) := [{"value": r.attrs.metadata[key], "path": metadata_path(key)} |
	"metadata" in object.keys(r.attrs)
	key in object.keys(r.attrs.metadata)
] if r.type in {"google_compute_instance", "google_compute_instance_template", "google_compute_project_metadata"}

metadata_entries(r, key) := [{"value": object.get(r.attrs, "value", ""), "path": "value"} | r.attrs.key == key] if {
	r.type == "google_compute_project_metadata_item"
}

# metadata_unknown holds when the value of a metadata key of r is unknown:
# the key itself or the whole map, or, for a project metadata item, its
# key or value.
metadata_unknown(r, key) if {
	r.type != "google_compute_project_metadata_item"
	gcp.unknown(r, metadata_path(key))
}

metadata_unknown(r, key) if {
	r.type == "google_compute_project_metadata_item"
	object.get(r.attrs, "key", key) == key
	some p in ["key", "value"]
	gcp.unknown(r, p)
}

# default_service_account holds for an email that names the Compute
# Engine default service account ("default" or
# PROJECT_NUMBER-compute@developer.gserviceaccount.com).
default_service_account(email) if email == "default"

default_service_account(email) if {
	is_string(email)
	endswith(email, "-compute@developer.gserviceaccount.com")
}

# service_account returns the service account block of a VM or template
# when it names the default account: {"email", "scopes", "path",
# "scopes_path"}. A block without an email runs as the default account; an
# email set from another resource of the estate does not.
service_account(r) := sa if {
	instance(r)
	block := object.get(r.attrs, ["service_account", 0], null)
	block != null
	count(object.get(r.refs, "service_account[0].email", [])) == 0
	email := object.get(block, "email", "default")
	default_service_account(email)
	sa := {
		"email": email,
		"scopes": object.get(block, "scopes", []),
		"path": "service_account[0].email",
		"scopes_path": "service_account[0].scopes",
	}
}

# full_access_scope holds for the scope that grants every Cloud API.
full_access_scope(s) if s in {"cloud-platform", "https://www.googleapis.com/auth/cloud-platform"}

# access_configs returns the external addresses the network interfaces of
# a VM or template ask for: [{"path", "kind"}].
access_configs(r) := [{"path": sprintf("network_interface[%d].%s", [i, k]), "kind": kind} |
	instance(r)
	some i, ni in object.get(r.attrs, "network_interface", [])
	some k, kind in {"access_config": "IPv4", "ipv6_access_config": "IPv6"}
	count(object.get(ni, k, [])) > 0
]

# project_os_login returns whether the project metadata of r's deployment
# unit turns OS Login on: "on", "unknown" (its value is known only at
# apply) or "off" (no project metadata of the unit turns it on).
project_os_login(r) := "on" if {
	some t in project_metadata_types
	some pm in in_unit(r, t)
	some e in metadata_entries(pm, "enable-oslogin")
	gcp.truthy(e.value)
} else := "unknown" if {
	some t in project_metadata_types
	some pm in in_unit(r, t)
	metadata_unknown(pm, "enable-oslogin")
} else := "off"

# os_login returns whether OS Login applies to a VM or template: its own
# enable-oslogin when set, else the project's.
os_login(r) := "on" if {
	some e in metadata_entries(r, "enable-oslogin")
	gcp.truthy(e.value)
} else := "off" if {
	some e in metadata_entries(r, "enable-oslogin")
	gcp.falsy(e.value)
} else := "unknown" if {
	metadata_unknown(r, "enable-oslogin")
} else := project_os_login(r)

# unit names the deployment unit of a resource: the part of its id before
# "::" (the root module directory or plan file). Project-wide settings
# (project metadata) count for the resources of their own unit only.
unit(r) := split(r.id, "::")[0]

# in_unit returns the resources of a Terraform type in r's deployment unit.
in_unit(r, type) := [x | some x in estate.of_type(r.kind, type); unit(x) == unit(r)]
