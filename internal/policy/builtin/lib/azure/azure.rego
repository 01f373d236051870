# METADATA
# title: Azure helpers
# description: |
#   Helpers every Azure policy shares, for Terraform (azurerm) and ARM
#   resources alike: reading a setting with the provider's or platform's
#   default, unknown paths, references, child resources and open address
#   prefixes.
package onus.lib.azure

import data.onus.lib.estate

# segments turns an attribute path ("site_config[0].minimum_tls_version",
# "networkAcls.defaultAction") into the array object.get takes.
segments(path) := [s | some part in split(path, "."); some s in part_segments(part)]

part_segments(part) := [part] if not contains(part, "[")

part_segments(part) := array.concat([substring(part, 0, i)], [to_number(n) | some n in regex.find_n(`[0-9]+`, substring(part, i, -1), -1)]) if {
	i := indexof(part, "[")
	i >= 0
}

# get reads the value at path of r's attributes, or def when it is unset.
get(r, path, def) := object.get(r.attrs, segments(path), def)

# setting returns {"value", "path"}: the value at path, or the default the
# provider or platform applies when it is unset. A policy reports the path,
# so an unknown value (absent from attrs) leaves the result undetermined.
setting(r, path, def) := {"value": get(r, path, def), "path": path}

# unknown is true when the attribute at path of r is unknown, or lies under
# an unknown attribute.
default unknown(_, _) := false

unknown(r, path) if {
	some u in r.unknown
	startswith(path, u)
	substring(path, count(u), 1) in {"", ".", "["}
}

# unknown_paths returns the paths of a list that are unknown in r.
unknown_paths(r, _) := [] if count(r.unknown) == 0

unknown_paths(r, paths) := [p | some p in paths; unknown(r, p)] if count(r.unknown) > 0

# referring returns the resources of a type whose attribute at path refers
# to the resource id (a Terraform resource pointing at its parent).
referring(id, type, path) := [x | some x in estate.referrers(id, type); id in object.get(x.refs, path, [])]

# children returns the ARM child resources of a type that belong to r:
# nested in its "resources" (a _resource.parent ref) or declared at the top
# level of the same template with the parent's name as the first part of
# theirs ("vault/diag").
children(r, type) := [x |
	some x in estate.of_type("arm", type)
	x.file == r.file
	is_child(r, x)
]

is_child(r, x) if r.id in object.get(x.refs, "_resource.parent", [])

is_child(r, x) if {
	not x.refs["_resource.parent"]
	startswith(x.name, concat("", [r.name, "/"]))
}

# configured holds when an attribute of r is set: to a known, non-empty
# value, or to an expression that refers to another resource.
configured(r, path) if {
	v := get(r, path, "")
	v != ""
	v != null
	v != []
}

configured(r, path) if count(object.get(r.refs, path, [])) > 0

# truthy reads booleans that templates sometimes write as strings.
truthy(v) if v == true

truthy(v) if {
	is_string(v)
	lower(v) == "true"
}

# falsy is the opposite: false or "false".
falsy(v) if v == false

falsy(v) if {
	is_string(v)
	lower(v) == "false"
}

# open_prefix holds for a source address prefix that means the whole
# internet: "*", "Internet", "Any", 0.0.0.0/0 or ::/0.
open_prefix(p) if {
	is_string(p)
	lower(trim_space(p)) in {"*", "internet", "any", "0.0.0.0", "0.0.0.0/0", "::/0", "::0/0", "0::/0"}
}

# enabled reads Azure's "Enabled" / "Disabled" strings case-insensitively.
enabled(v) if {
	is_string(v)
	lower(v) == "enabled"
}
