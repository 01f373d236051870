# METADATA
# title: AWS helpers
# description: |
#   Helpers every AWS policy shares, whatever format declared the resource.
#   A deployment unit is the root module (or plan file) a Terraform resource
#   was loaded from, or the root template of a CloudFormation resource:
#   account-wide settings such as an account public access block or default
#   EBS encryption only count for the resources of their own unit, since one
#   scan may hold several accounts' configurations. CloudFormation values
#   that come from parameters are strings ("true", "7"), so booleans and
#   numbers are read with bool and num.
package onus.lib.aws

import data.onus.lib.estate

# unit names the deployment unit of a resource: the part of its id before
# "::" (the root module directory or plan file) for Terraform, before "#"
# (the root template) for CloudFormation.
unit(r) := split(r.id, "#")[0] if r.kind == "cloudformation"

unit(r) := split(r.id, "::")[0] if r.kind != "cloudformation"

# same_unit holds when two resources were loaded from the same root module.
same_unit(a, b) if unit(a) == unit(b)

# in_unit returns the resources of a Terraform type in r's deployment unit.
in_unit(r, type) := [x | some x in estate.of_type(r.kind, type); same_unit(x, r)]

# referring returns the resources of a type whose attribute at path refers
# to the resource id (a split resource pointing at its parent).
referring(id, type, path) := [x | some x in estate.referrers(id, type); id in object.get(x.refs, path, [])]

# referred returns the resources the attribute at path of r refers to.
referred(r, path) := [x | some id in object.get(r.refs, path, []); x := estate.resource(id)]

# referring_under is referring for a list or object attribute: the
# resources of a type whose attribute at path, or an item or key under it
# (Roles[0], Targets[1].Id), refers to the resource id.
referring_under(id, type, path) := [x |
	some x in estate.referrers(id, type)
	some k, ids in x.refs
	under(k, path)
	id in ids
]

# referred_under returns the resources that the attribute at path of r, or
# an item or key under it, refers to.
referred_under(r, path) := [x |
	some k, ids in r.refs
	under(k, path)
	some id in ids
	x := estate.resource(id)
]

# under holds when the attribute path k is path or lies under it.
under(k, path) if k == path

under(k, path) if {
	startswith(k, path)
	substring(k, count(path), 1) in {".", "["}
}

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

# truthy reads booleans that some arguments take as strings ("true" in
# aws_launch_template network interfaces, every CloudFormation boolean
# that comes from a parameter).
truthy(v) if v == true

truthy(v) if {
	is_string(v)
	lower(v) == "true"
}

# falsy is truthy's opposite: false or "false".
falsy(v) if v == false

falsy(v) if {
	is_string(v)
	lower(v) == "false"
}

# bool normalises a boolean written as a boolean or a string; undefined for
# other values.
bool(v) := true if truthy(v)

bool(v) := false if falsy(v)

# num normalises a number written as a number or a string of digits
# (CloudFormation ports and retention periods often are); undefined for
# other values.
num(v) := v if is_number(v)

num(v) := to_number(v) if {
	is_string(v)
	regex.match(`^-?[0-9]+$`, v)
}

# setting reads one setting whose attribute path depends on the format:
# names maps a kind to the path as a list of keys and indices
# ({"terraform": ["versioning", 0, "enabled"], "cloudformation":
# ["VersioningConfiguration", "Status"]}). It returns {"value" (def when
# unset), "path" (the path as a string, where a finding points)};
# undefined for kinds names does not list.
setting(r, names, def) := {"value": object.get(r.attrs, steps, def), "path": path_string(steps)} if {
	steps := names[r.kind]
}

# path_string writes a list of keys and indices as an attribute path:
# ["a", 0, "b"] is "a[0].b".
path_string(steps) := concat("", [segment(i, s) | some i, s in steps])

segment(_, s) := sprintf("[%d]", [s]) if is_number(s)

segment(0, s) := s if is_string(s)

segment(i, s) := concat("", [".", s]) if {
	i > 0
	is_string(s)
}

# open_cidr holds for the whole IPv4 or IPv6 internet.
open_cidr(c) if c in {"0.0.0.0/0", "::/0", "::0/0", "0:0:0:0:0:0:0:0/0"}

# truthy_or_false is true for true or "true", false otherwise.
default truthy_or_false(_) := false

truthy_or_false(v) if truthy(v)
