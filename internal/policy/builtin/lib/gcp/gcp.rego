# METADATA
# title: Google Cloud helpers
# description: |
#   Helpers every Google Cloud policy shares: unknown attribute paths,
#   nested blocks, metadata booleans, public CIDR ranges and public IAM
#   members.
package onus.lib.gcp

# unknown is true when the attribute at path of r is unknown, or lies under
# an unknown attribute.
default unknown(_, _) := false

unknown(r, path) if {
	some u in r.unknown
	startswith(path, u)
	substring(path, count(u), 1) in {"", ".", "["}
}

# unknown_within returns the unknown paths of r at or under path: an
# unknown element of a list, or a key of a map, whose value is missing
# from attrs. A result reports them so that it is undetermined.
unknown_within(r, _) := [] if count(r.unknown) == 0

unknown_within(r, path) := [u |
	some u in r.unknown
	startswith(u, path)
	substring(u, count(path), 1) in {"", ".", "["}
] if count(r.unknown) > 0

# unknown_paths returns the paths of a list that are unknown in r.
unknown_paths(r, _) := [] if count(r.unknown) == 0

unknown_paths(r, paths) := [p | some p in paths; unknown(r, p)] if count(r.unknown) > 0

# block returns the first instance of a nested block, {} when absent.
block(attrs, name) := object.get(attrs, [name, 0], {})

# truthy reads a boolean argument, or a metadata value, which Compute
# Engine takes as a string ("TRUE", "true", "1", "yes", "y", "on").
truthy(v) if v == true

truthy(v) if {
	is_string(v)
	lower(v) in {"true", "1", "yes", "y", "on"}
}

truthy(1)

# falsy reads the opposite values.
falsy(v) if v == false

falsy(v) if {
	is_string(v)
	lower(v) in {"false", "0", "no", "n", "off"}
}

falsy(0)

# open_cidr holds for the whole IPv4 or IPv6 internet.
open_cidr(c) if c in {"0.0.0.0/0", "::/0", "::0/0", "0:0:0:0:0:0:0:0/0"}

# public_member holds for the IAM members that stand for everyone:
# anonymous callers (allUsers) and any Google account (allAuthenticatedUsers).
public_member(m) if m in {"allUsers", "allAuthenticatedUsers"}

# as_list turns a scalar into a one-element list; null into an empty one.
as_list(x) := x if is_array(x)

as_list(x) := [] if x == null

as_list(x) := [x] if {
	not is_array(x)
	x != null
}

# unknowns returns the unknown paths a result about the attribute at path
# must name to be undetermined: the path itself when it lies under an
# unknown attribute, else the unknown paths under it.
unknowns(r, path) := [path] if unknown(r, path)

unknowns(r, path) := unknown_within(r, path) if not unknown(r, path)

# configured holds when a top-level argument of r is set: to a known,
# non-empty value, or to an expression that refers to another resource of
# the estate (google_sql_database_instance.primary.name: unknown until
# apply, but certainly set).
configured(r, attr) if {
	v := object.get(r.attrs, attr, "")
	v != ""
	v != null
}

configured(r, attr) if count(object.get(r.refs, attr, [])) > 0
