# METADATA
# title: Google Cloud IAM grants
# description: |
#   The grants of the IAM resources every Google Cloud service shares the
#   shape of: *_iam_member (role, member), *_iam_binding (role, members)
#   and *_iam_policy (policy_data, a JSON policy document from jsonencode,
#   a string or data.google_iam_policy, which the loader renders; unknown
#   when it rests on a value known only at apply).
package onus.lib.gcp.iam

import data.onus.lib.gcp

# grants returns the grants of an IAM resource: [{"member", "role",
# "paths"}], the paths a result about the grant reports, where it is
# written first.
default grants(_) := []

grants(r) := array.concat(
	[{"member": r.attrs.member, "role": role(r), "paths": ["member", "role"]} | is_string(object.get(r.attrs, "member", null))],
	referenced_grants(r, "member"),
) if endswith(r.type, "_iam_member")

grants(r) := array.concat(
	[{"member": m, "role": role(r), "paths": ["members", "role"]} |
		some m in object.get(r.attrs, "members", [])
		is_string(m)
	],
	referenced_grants(r, "members"),
) if endswith(r.type, "_iam_binding")

grants(r) := [{"member": m, "role": object.get(b, "role", ""), "paths": ["policy_data"]} |
	some b in object.get(document(r.attrs.policy_data), "bindings", [])
	some m in gcp.as_list(object.get(b, "members", []))
	is_string(m)
] if endswith(r.type, "_iam_policy")

role(r) := object.get(r.attrs, "role", "")

# referenced_grants returns the grants to members built from other
# resources of the estate ("serviceAccount:${google_service_account.app.email}"):
# unknown until apply, but certainly set, one grant per resource referred
# to. Their paths leave the unknown member out, so that a result about the
# role is judged.
referenced_grants(r, attr) := [{"member": sprintf("the identity of %s", [address(id)]), "role": role(r), "paths": ["role"], "reference": address(id)} |
	gcp.unknown(r, attr)
	some id in object.get(r.refs, attr, [])
]

# address is the Terraform address in a resource id ("m::google_service_account.app").
address(id) := substring(id, indexof(id, "::") + 2, -1) if contains(id, "::")

address(id) := id if not contains(id, "::")

# referenced holds when the attribute at path refers to another resource
# of the estate.
referenced(r, path) if count(object.get(r.refs, path, [])) > 0

document(s) := json.unmarshal(s) if {
	is_string(s)
	json.is_valid(s)
}

# unknown_paths returns the unknown paths of the members, role or policy
# document of an IAM resource: a result naming them is undetermined. A
# single member built from another resource of the estate
# ("serviceAccount:${google_service_account.app.email}") is unknown until
# apply but names that resource's identity, not a public one, and is left
# out; a members list with such an element is unknown as a whole, and may
# hold anything else.
unknown_paths(r) := [p |
	count(r.unknown) > 0
	some attr in ["member", "members", "role", "policy_data"]
	some p in gcp.unknowns(r, attr)
	not identity_reference(r, p)
]

identity_reference(r, "member") if count(object.get(r.refs, "member", [])) > 0

# unknown_member_paths returns the unknown paths of the members or policy
# document of an IAM resource, leaving out the role: who is granted
# decides whether a grant is public, whatever the role.
unknown_member_paths(r) := [p | some p in unknown_paths(r); p != "role"]

# public_grants returns the grants to allUsers or allAuthenticatedUsers.
public_grants(r) := [g | some g in grants(r); gcp.public_member(g.member)]

# service_account holds for a grant to a service account: a
# serviceAccount: member, or one built from a google_service_account of
# the estate.
service_account(g) if startswith(g.member, "serviceAccount:")

service_account(g) if startswith(object.get(g, "reference", ""), "google_service_account.")
