# METADATA
# title: AWS helpers
# description: |
#   Helpers every AWS policy shares. A deployment unit is the root module
#   (or plan file) a resource was loaded from: account-wide settings such as
#   an account public access block or default EBS encryption only count for
#   the resources of their own unit, since one scan may hold several
#   accounts' configurations.
package onus.lib.aws

import data.onus.lib.estate

# unit names the deployment unit of a resource: the part of its id before
# "::" (the root module directory or plan file).
unit(r) := split(r.id, "::")[0]

# same_unit holds when two resources were loaded from the same root module.
same_unit(a, b) if unit(a) == unit(b)

# in_unit returns the resources of a Terraform type in r's deployment unit.
in_unit(r, type) := [x | some x in estate.of_type(r.kind, type); same_unit(x, r)]

# referring returns the resources of a type whose attribute at path refers
# to the resource id (a split resource pointing at its parent).
referring(id, type, path) := [x | some x in estate.referrers(id, type); id in object.get(x.refs, path, [])]

# referred returns the resources the attribute at path of r refers to.
referred(r, path) := [x | some id in object.get(r.refs, path, []); x := estate.resource(id)]

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

# configured holds when a top-level argument of r is set: to a known,
# non-empty value, or to an expression that refers to another resource of
# the estate (aws_kms_key.k.arn: unknown until apply, but certainly set).
configured(r, attr) if {
	v := object.get(r.attrs, attr, "")
	v != ""
	v != null
}

configured(r, attr) if count(object.get(r.refs, attr, [])) > 0

# truthy reads Terraform booleans that some arguments take as strings
# ("true" in aws_launch_template network interfaces).
truthy(v) if v == true

truthy(v) if v == "true"

# open_cidr holds for the whole IPv4 or IPv6 internet.
open_cidr(c) if c in {"0.0.0.0/0", "::/0", "::0/0", "0:0:0:0:0:0:0:0/0"}

# truthy_or_false is true for true or "true", false otherwise.
default truthy_or_false(_) := false

truthy_or_false(v) if truthy(v)
