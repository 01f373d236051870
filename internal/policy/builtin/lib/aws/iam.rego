# METADATA
# title: AWS IAM policy documents
# description: |
#   Reading IAM policy documents (identity policies, resource policies such
#   as S3 bucket and OpenSearch domain policies, role trust policies) into
#   normalised statements, and the judgements AWS policies share: public
#   principals, restricting conditions, wildcard actions, administrator
#   access, MFA enforcement. Documents arrive as JSON strings in every
#   format (Terraform jsonencode, heredocs and aws_iam_policy_document data
#   sources, which the loader renders); a document that is unknown or not
#   valid JSON yields no statements.
package onus.lib.aws.iam

import data.onus.lib.aws

# document parses a JSON policy document; undefined unless s is a string
# holding a JSON object.
document(s) := d if {
	is_string(s)
	json.is_valid(s)
	d := json.unmarshal(s)
	is_object(d)
}

# statements returns the statements of a policy document string as a list
# of {"index", "sid", "effect", "actions", "not_actions", "resources",
# "principals", "public", "conditions", "raw"}; actions are lower-cased.
statements(s) := [normalise(i, st) | some i, st in as_list(object.get(document(s), "Statement", []))]

normalise(i, st) := {
	"index": i,
	"sid": object.get(st, "Sid", ""),
	"effect": object.get(st, "Effect", ""),
	"actions": [lower(a) | some a in as_list(object.get(st, "Action", []))],
	"not_actions": [lower(a) | some a in as_list(object.get(st, "NotAction", []))],
	"resources": as_list(object.get(st, "Resource", [])),
	"not_resources": as_list(object.get(st, "NotResource", [])),
	"principals": principals(object.get(st, "Principal", null)),
	"not_principal": object.get(st, "NotPrincipal", null) != null,
	"conditions": conditions(object.get(st, "Condition", {})),
}

# as_list turns a scalar into a one-element list; null into an empty one.
as_list(x) := x if is_array(x)

as_list(x) := [] if x == null

as_list(x) := [x] if {
	not is_array(x)
	x != null
}

# principals flattens a Principal element into its values:
# "*" → ["*"]; {"AWS": ["arn…", "*"], "Service": "…"} → every value.
principals(p) := ["*"] if p == "*"

principals(p) := [v | some _, vs in p; some v in as_list(vs)] if is_object(p)

principals(p) := [] if {
	p != "*"
	not is_object(p)
}

# conditions flattens a Condition element into
# [{"operator", "key" (lower-case), "values"}].
conditions(c) := [{"operator": op, "key": lower(k), "values": as_list(v)} |
	some op, kv in c
	is_object(kv)
	some k, v in kv
] if is_object(c)

conditions(c) := [] if not is_object(c)

# label names a statement in messages: its Sid, else its position.
label(st) := sprintf("statement %q", [st.sid]) if st.sid != ""

label(st) := sprintf("statement %d", [st.index]) if st.sid == ""

allows(st) if st.effect == "Allow"

denies(st) if st.effect == "Deny"

# public_principal holds when a statement applies to everyone: Principal
# "*" or {"AWS": "*"} (or any principal list holding "*").
public_principal(st) if "*" in st.principals

# restricting_keys are the condition keys that narrow a public principal to
# known callers, networks or accounts.
restricting_keys := {
	"aws:sourceip", "aws:sourcevpc", "aws:sourcevpce", "aws:sourcearn",
	"aws:sourceaccount", "aws:sourceowner", "aws:sourceorgid", "aws:sourceorgpaths",
	"aws:principalorgid", "aws:principalorgpaths", "aws:principalaccount",
	"aws:principalarn", "aws:principalservicename", "aws:userid", "aws:username",
	"aws:calledvia", "aws:calledviafirst", "aws:calledvialast",
	"s3:dataaccesspointaccount", "s3:dataaccesspointarn", "aws:viaawsservice",
}

# negated operators allow everyone except the listed values: they never
# restrict an Allow.
negated_operator(op) if contains(lower(op), "not")

wildcard_value(v) if v in {"*", "0.0.0.0/0", "::/0", "arn:aws:iam::*:root"}

# restricted holds when one condition narrows the statement to known
# callers: a restricting key, a non-negated operator, and values that are
# not wildcards.
restricted(st) if {
	some c in st.conditions
	c.key in restricting_keys
	not negated_operator(c.operator)
	count(c.values) > 0
	every v in c.values {
		not wildcard_value(v)
	}
}

# public_allow holds for an Allow statement open to everyone without a
# restricting condition.
public_allow(st) if {
	allows(st)
	public_principal(st)
	not restricted(st)
}

# full_wildcard_action: "*" or "*:*".
full_wildcard_action(a) if a in {"*", "*:*"}

# service_wildcard_action: every action of one service ("s3:*").
service_wildcard_action(a) if {
	not full_wildcard_action(a)
	endswith(a, ":*")
}

wildcard_action(a) if full_wildcard_action(a)

wildcard_action(a) if service_wildcard_action(a)

# admin holds for a statement granting every action on every resource.
admin(st) if {
	allows(st)
	some a in st.actions
	full_wildcard_action(a)
	"*" in st.resources
}

# admin_document holds when a policy document string grants administrator
# access.
admin_document(s) if {
	some st in statements(s)
	admin(st)
}

# service_wide(st) holds for an Allow of every action of a service on
# every resource ("s3:*" on "*").
service_wide(st) if {
	allows(st)
	some a in st.actions
	service_wildcard_action(a)
	"*" in st.resources
}

# admin_arn holds for the AWS managed AdministratorAccess policy, in any
# partition.
admin_arn(arn) if regex.match(`^arn:aws[a-z-]*:iam::aws:policy/AdministratorAccess$`, arn)

# aws_managed_arn holds for AWS managed policies (never customer documents).
aws_managed_arn(arn) if regex.match(`^arn:aws[a-z-]*:iam::aws:policy/`, arn)

# mfa_enforcing holds for a document that denies when MFA is absent
# (Bool / BoolIfExists aws:MultiFactorAuthPresent false, or Null
# aws:MultiFactorAuthAge true), the pattern AWS documents for requiring MFA.
mfa_enforcing(s) if {
	some st in statements(s)
	denies(st)
	some c in st.conditions
	mfa_absent_condition(c)
}

mfa_absent_condition(c) if {
	c.key == "aws:multifactorauthpresent"
	lower(c.operator) in {"bool", "boolifexists"}
	some v in c.values
	lower(sprintf("%v", [v])) == "false"
}

mfa_absent_condition(c) if {
	c.key == "aws:multifactorauthage"
	lower(c.operator) == "null"
	some v in c.values
	lower(sprintf("%v", [v])) == "true"
}

# documents returns the identity policy documents a resource carries, as
# [{"policy": json string, "path": attribute path}]. Per kind: Terraform
# here; other formats add their own clauses.
default documents(_) := []

documents(r) := [{"policy": r.attrs.policy, "path": "policy"}] if {
	r.kind == "terraform"
	r.type in {"aws_iam_policy", "aws_iam_role_policy", "aws_iam_user_policy", "aws_iam_group_policy"}
	is_string(r.attrs.policy)
}

documents(r) := [{"policy": p.policy, "path": sprintf("inline_policy[%d].policy", [i])} |
	some i, p in r.attrs.inline_policy
	is_string(p.policy)
] if {
	r.kind == "terraform"
	r.type == "aws_iam_role"
}

# input_statements holds the statements of every identity policy document
# of input.resource, as [{"path" (of the document), "st"}]. A rule rather
# than a function, so the policies evaluated together on one resource parse
# each document once.
input_statements := [{"path": d.path, "st": st} | some d in documents(input.resource); some st in statements(d.policy)]

# unknown_documents returns the paths of policy documents of r that cannot
# be known before apply (a document interpolating an ARN, a data source
# reading one).
default unknown_documents(_) := []

unknown_documents(r) := ["policy"] if {
	r.kind == "terraform"
	r.type in {"aws_iam_policy", "aws_iam_role_policy", "aws_iam_user_policy", "aws_iam_group_policy"}
	aws.unknown(r, "policy")
}

unknown_documents(r) := [p |
	some p in r.unknown
	regex.match(`^inline_policy(\[\d+\](\.policy)?)?$`, p)
] if {
	r.kind == "terraform"
	r.type == "aws_iam_role"
}

# --- attachments ------------------------------------------------------------

# grants returns what a resource gives the principals it applies to:
# [{"admin": bool, "service_wide": [actions], "what": description, "path"
# (absent when the grant is read through a reference)}]. It covers
# attachments of managed policies (an AWS managed ARN, or an aws_iam_policy
# of the estate referred to by policy_arn), inline policies
# (aws_iam_*_policy) and the inline_policy blocks and managed_policy_arns of
# aws_iam_role.
default grants(_) := []

grants(r) := array.concat(arn_grants(r, "policy_arn", object.get(r.attrs, "policy_arn", "")), referenced_grants(r)) if {
	r.kind == "terraform"
	r.type in {"aws_iam_role_policy_attachment", "aws_iam_user_policy_attachment", "aws_iam_group_policy_attachment", "aws_iam_policy_attachment"}
}

grants(r) := [g | some d in documents(r); some g in document_grants(d.policy, d.path, "an inline policy")] if {
	r.kind == "terraform"
	r.type in {"aws_iam_role_policy", "aws_iam_user_policy", "aws_iam_group_policy"}
}

grants(r) := array.concat(
	[g | some d in documents(r); some g in document_grants(d.policy, d.path, "an inline policy")],
	[g | some i, arn in object.get(r.attrs, "managed_policy_arns", []); some g in arn_grants(r, sprintf("managed_policy_arns[%d]", [i]), arn)],
) if {
	r.kind == "terraform"
	r.type == "aws_iam_role"
}

arn_grants(_, path, arn) := [{"admin": true, "service_wide": [], "what": "AdministratorAccess", "path": path}] if admin_arn(arn)

arn_grants(_, _, arn) := [] if not admin_arn(arn)

referenced_grants(r) := [g |
	some p in aws.referred(r, "policy_arn")
	p.type == "aws_iam_policy"
	is_string(p.attrs.policy)
	some g in document_grants(p.attrs.policy, null, sprintf("the policy %s", [p.address]))
]

# document_grants judges one document: administrator access, or every action
# of some services on every resource.
document_grants(doc, path, what) := [with_path({"admin": is_admin, "service_wide": wide, "what": what}, path)] if {
	sts := statements(doc)
	is_admin := count([st | some st in sts; admin(st)]) > 0
	wide := sort({a | some st in sts; service_wide(st); some a in st.actions; service_wildcard_action(a)})
	broad(is_admin, wide)
} else := []

broad(true, _)

broad(_, wide) if count(wide) > 0

with_path(g, null) := g

with_path(g, p) := object.union(g, {"path": p}) if p != null

# principals_of returns the roles, users or groups of the estate a
# resource applies to, by the arguments that name them.
principals_of(r, kind) := [x |
	some arg in principal_args[kind]
	some x in aws.referred(r, arg)
	x.type == sprintf("aws_iam_%s", [kind])
]

# principal_names returns the names of the principals of a kind a resource
# applies to: the literal names it gives, and the name (or address) of
# each one it refers to.
principal_names(r, kind) := {n | some n in named_principals(r, kind)} | {name_of(x) | some x in principals_of(r, kind)}

# principal_names_at is principal_names for one argument (user, users...).
principal_names_at(r, kind, arg) := {n | some n in aws_list(object.get(r.attrs, arg, [])); is_string(n)} | {name_of(x) |
	some x in aws.referred(r, arg)
	x.type == sprintf("aws_iam_%s", [kind])
}

name_of(x) := x.attrs.name if is_string(x.attrs.name)

name_of(x) := x.address if not is_string(x.attrs.name)

principal_args := {
	"role": ["role", "roles"],
	"user": ["user", "users"],
	"group": ["group", "groups"],
}

# named_principals returns the literal names an attachment gives for a kind
# of principal (role, user or group).
named_principals(r, kind) := [n |
	some arg in principal_args[kind]
	v := object.get(r.attrs, arg, [])
	some n in aws_list(v)
	is_string(n)
]

aws_list(v) := v if is_array(v)

aws_list(v) := [v] if is_string(v)

aws_list(v) := [] if {
	not is_array(v)
	not is_string(v)
}
