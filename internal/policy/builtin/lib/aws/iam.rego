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
