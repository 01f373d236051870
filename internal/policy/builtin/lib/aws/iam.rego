# METADATA
# title: AWS IAM policy documents
# description: |
#   Reading IAM policy documents (identity policies, resource policies such
#   as S3 bucket and OpenSearch domain policies, role trust policies) into
#   normalised statements, and the judgements AWS policies share: public
#   principals, restricting conditions, wildcard actions, administrator
#   access, MFA enforcement. A document is a JSON string (Terraform
#   jsonencode, heredocs and aws_iam_policy_document data sources, which
#   the loader renders) or an object (a CloudFormation PolicyDocument); a
#   string document that is unknown or not valid JSON yields no statements.
#   In an object document only the parts known before deployment are
#   present: doc_statements gives each statement its path and the unknown
#   paths inside it, so a judgement resting on an unknown part is
#   undetermined (see unsure).
package onus.lib.aws.iam

import data.onus.lib.aws
import data.onus.lib.estate

# document parses a policy document: a JSON string holding an object, or an
# object; undefined otherwise.
document(s) := d if {
	is_string(s)
	json.is_valid(s)
	d := json.unmarshal(s)
	is_object(d)
}

document(s) := s if is_object(s)

# is_document holds for a value that can hold a policy document.
is_document(v) if is_string(v)

is_document(v) if is_object(v)

# statements returns the statements of a policy document as a list of
# {"index", "sid", "effect", "actions", "not_actions", "resources",
# "principals", "public", "conditions", "raw"}; actions are lower-cased.
statements(s) := [normalise(i, st) | some i, st in as_list(object.get(document(s), "Statement", [])); is_object(st)]

normalise(i, st) := {
	"index": i,
	"sid": sid(st),
	"effect": object.get(st, "Effect", ""),
	"actions": [lower(a) | some a in as_list(object.get(st, "Action", [])); is_string(a)],
	"not_actions": [lower(a) | some a in as_list(object.get(st, "NotAction", [])); is_string(a)],
	"resources": [x | some x in as_list(object.get(st, "Resource", [])); is_string(x)],
	"not_resources": [x | some x in as_list(object.get(st, "NotResource", [])); is_string(x)],
	"principals": principals(object.get(st, "Principal", null)),
	"not_principal": object.get(st, "NotPrincipal", null) != null,
	"conditions": conditions(object.get(st, "Condition", {})),
}

sid(st) := st.Sid if {
	is_string(st.Sid)
} else := ""

# doc_statements returns the statements of a document d ({"policy",
# "path"}) that resource r declares, each with "path" (where a finding about
# it points: the statement in an object document, the document in a string
# one) and "unknown" ([{"path", "field"}]: the parts of the statement known
# only at deployment, with the statement field they lie in).
doc_statements(_, d) := [object.union(st, {"path": d.path, "unknown": []}) | some st in statements(d.policy)] if is_string(d.policy)

doc_statements(r, d) := [object.union(normalise(i, st), {"path": p, "unknown": unknown_in(r, p)}) |
	some i, st in d.policy.Statement
	is_object(st)
	p := sprintf("%s.Statement[%d]", [d.path, i])
] if {
	is_object(d.policy)
	is_array(d.policy.Statement)
}

doc_statements(r, d) := [object.union(normalise(0, d.policy.Statement), {"path": p, "unknown": unknown_in(r, p)})] if {
	is_object(d.policy)
	is_object(d.policy.Statement)
	p := concat(".", [d.path, "Statement"])
}

# unknown_in returns the unknown paths of r under the statement at p.
unknown_in(r, _) := [] if count(r.unknown) == 0

unknown_in(r, p) := [{"path": u, "field": field} |
	some u in r.unknown
	startswith(u, concat("", [p, "."]))
	field := regex.replace(split(substring(u, count(p) + 1, -1), ".")[0], `\[.*$`, "")
] if count(r.unknown) > 0

# unsure returns the unknown paths of a statement in the given fields: a
# judgement resting on those fields cannot be made before deployment.
unsure(st, fields) := [u.path | some u in st.unknown; u.field in fields]

# The statement fields each kind of judgement rests on.
principal_fields := {"Effect", "Principal", "NotPrincipal", "Condition"}

action_fields := {"Effect", "Action", "NotAction"}

resource_fields := {"Effect", "Action", "NotAction", "Resource", "NotResource"}

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

# --- identity policy documents, per format -----------------------------------

# cfn_inline_types are the CloudFormation types that carry one policy
# document in PolicyDocument; cfn_principal_types the roles, users and
# groups, which carry inline Policies and ManagedPolicyArns.
cfn_inline_types := {"AWS::IAM::Policy", "AWS::IAM::ManagedPolicy", "AWS::IAM::RolePolicy", "AWS::IAM::UserPolicy", "AWS::IAM::GroupPolicy"}

cfn_principal_types := {"role": "AWS::IAM::Role", "user": "AWS::IAM::User", "group": "AWS::IAM::Group"}

cfn_principal_type(r) if {
	r.kind == "cloudformation"
	some t in cfn_principal_types
	r.type == t
}

sam_function := "AWS::Serverless::Function"

# documents returns the identity policy documents a resource carries, as
# [{"policy": document (JSON string or object), "path": attribute path}]:
# - Terraform: the policy of aws_iam_policy and aws_iam_*_policy, the
#   inline_policy blocks of aws_iam_role;
# - CloudFormation: PolicyDocument of AWS::IAM::Policy, ManagedPolicy,
#   RolePolicy, UserPolicy, GroupPolicy; Policies[i].PolicyDocument of
#   AWS::IAM::Role, User and Group; the inline statements among the Policies
#   of an AWS::Serverless::Function (SAM policy templates and managed
#   policy names are not documents).
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

documents(r) := [{"policy": r.attrs.PolicyDocument, "path": "PolicyDocument"} | is_document(r.attrs.PolicyDocument)] if {
	r.kind == "cloudformation"
	r.type in cfn_inline_types
}

documents(r) := [{"policy": p.PolicyDocument, "path": sprintf("Policies[%d].PolicyDocument", [i])} |
	some i, p in object.get(r.attrs, "Policies", [])
	is_object(p)
	is_document(p.PolicyDocument)
] if cfn_principal_type(r)

documents(r) := sam_documents(r.attrs) if {
	r.kind == "cloudformation"
	r.type == sam_function
}

sam_documents(attrs) := [{"policy": attrs.Policies, "path": "Policies"}] if {
	is_object(attrs.Policies)
	"Statement" in object.keys(attrs.Policies)
} else := [{"policy": p, "path": sprintf("Policies[%d]", [i])} |
	some i, p in attrs.Policies
	is_object(p)
	"Statement" in object.keys(p)
] if {
	is_array(attrs.Policies)
} else := []

# input_statements holds the statements of every identity policy document
# of input.resource, as [{"path" (of the statement, or of a string
# document), "st"}]. A rule rather than a function, so the policies
# evaluated together on one resource parse each document once.
input_statements := [{"path": st.path, "st": st} |
	some d in documents(input.resource)
	some st in doc_statements(input.resource, d)
]

# unknown_documents returns the paths of policy documents of r (or of
# statements in them) that cannot be known before apply: a document
# interpolating an ARN, a data source reading one, a statement chosen by a
# condition on an unknown parameter.
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

unknown_documents(r) := [p | some p in r.unknown; regex.match(pattern, p)] if {
	r.kind == "cloudformation"
	pattern := document_patterns[r.type]
}

document_patterns := object.union({t: `^PolicyDocument(\.Statement(\[\d+\])?)?$` | some t in cfn_inline_types}, {
	"AWS::IAM::Role": `^Policies(\[\d+\](\.PolicyDocument(\.Statement(\[\d+\])?)?)?)?$`,
	"AWS::IAM::User": `^Policies(\[\d+\](\.PolicyDocument(\.Statement(\[\d+\])?)?)?)?$`,
	"AWS::IAM::Group": `^Policies(\[\d+\](\.PolicyDocument(\.Statement(\[\d+\])?)?)?)?$`,
	"AWS::Serverless::Function": `^Policies(\[\d+\])?(\.Statement(\[\d+\])?)?$`,
})

# unsure_documents returns the paths that keep a judgement about r's
# documents on the given statement fields from being made: unknown
# documents, and unknown parts of statements in those fields.
unsure_documents(r, fields) := array.concat(unknown_documents(r), [p |
	some d in documents(r)
	some st in doc_statements(r, d)
	some p in unsure(st, fields)
])

# --- attachments ------------------------------------------------------------

# grants returns what a resource gives the principals it applies to:
# [{"admin": bool, "service_wide": [actions], "what": description, "path"
# (absent when the grant is read through a reference)}]. It covers
# - Terraform: attachments of managed policies (an AWS managed ARN, or an
#   aws_iam_policy of the estate referred to by policy_arn), inline
#   policies (aws_iam_*_policy) and the inline_policy blocks and
#   managed_policy_arns of aws_iam_role;
# - CloudFormation: AWS::IAM::Policy, ManagedPolicy and Role/User/
#   GroupPolicy documents (applying to their Roles, Users, Groups, or
#   RoleName, UserName, GroupName), the inline Policies and
#   ManagedPolicyArns (AWS managed ARNs, or AWS::IAM::ManagedPolicy
#   resources referred to) of roles, users and groups, and the Policies of
#   a SAM function (inline statements and managed policy names).
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

grants(r) := [g | some d in documents(r); some g in document_grants(d.policy, d.path, what)] if {
	r.kind == "cloudformation"
	r.type in cfn_inline_types
	what := document_what(r)
}

grants(r) := array.concat(
	[g | some d in documents(r); some g in document_grants(d.policy, d.path, "an inline policy")],
	managed_grants(r),
) if cfn_principal_type(r)

grants(r) := array.concat(
	[g | some d in documents(r); some g in document_grants(d.policy, d.path, "an inline policy")],
	[g | some n in sam_policy_names(r.attrs); some g in arn_grants(r, n.path, sam_arn(n.name))],
) if {
	r.kind == "cloudformation"
	r.type == sam_function
}

document_what(r) := sprintf("the managed policy %s", [r.address]) if r.type == "AWS::IAM::ManagedPolicy"

document_what(r) := "an inline policy" if r.type != "AWS::IAM::ManagedPolicy"

# managed_grants judges the ManagedPolicyArns of a CloudFormation role,
# user or group: AWS managed ARNs written out, and managed policies of the
# estate referred to.
managed_grants(r) := array.concat(
	[g |
		some i, arn in object.get(r.attrs, "ManagedPolicyArns", [])
		is_string(arn)
		some g in arn_grants(r, sprintf("ManagedPolicyArns[%d]", [i]), arn)
	],
	[g |
		some p in aws.referred_under(r, "ManagedPolicyArns")
		p.type == "AWS::IAM::ManagedPolicy"
		is_document(p.attrs.PolicyDocument)
		some g in document_grants(p.attrs.PolicyDocument, "ManagedPolicyArns", sprintf("the policy %s", [p.address]))
	],
)

# sam_policy_names returns the managed policies a SAM function's Policies
# name: [{"name", "path"}].
sam_policy_names(attrs) := [{"name": attrs.Policies, "path": "Policies"}] if {
	is_string(attrs.Policies)
} else := [{"name": p, "path": sprintf("Policies[%d]", [i])} |
	some i, p in attrs.Policies
	is_string(p)
] if {
	is_array(attrs.Policies)
} else := []

# sam_arn turns a SAM managed policy name (AdministratorAccess) into its
# ARN; an ARN is kept.
sam_arn(n) := n if startswith(n, "arn:")

sam_arn(n) := sprintf("arn:aws:iam::aws:policy/%s", [n]) if not startswith(n, "arn:")

# unsure_grants returns the paths of r's grants that cannot be judged
# before apply: unknown documents, statements whose effect, actions or
# resources are unknown, and managed policy ARNs that are unknown without
# naming a policy of the estate.
unsure_grants(r) := array.concat(unsure_documents(r, resource_fields), [p |
	cfn_principal_type(r)
	some p in r.unknown
	regex.match(`^ManagedPolicyArns(\[\d+\])?$`, p)
	count(object.get(r.refs, p, [])) == 0
])

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

# --- principals -------------------------------------------------------------

# principals_of returns the roles, users or groups of the estate a
# resource applies to, by the arguments that name them. A CloudFormation
# role, user or group applies to itself.
principals_of(r, kind) := [x |
	some arg in principal_args[kind]
	some x in aws.referred(r, arg)
	x.type == sprintf("aws_iam_%s", [kind])
] if r.kind == "terraform"

principals_of(r, kind) := [x |
	some arg in cfn_principal_args[kind]
	some x in aws.referred_under(r, arg)
	x.type == cfn_principal_types[kind]
] if {
	r.kind == "cloudformation"
	not cfn_principal_type(r)
}

principals_of(r, kind) := [r] if {
	r.kind == "cloudformation"
	r.type == cfn_principal_types[kind]
}

principals_of(r, kind) := [] if {
	cfn_principal_type(r)
	r.type != cfn_principal_types[kind]
}

# principal_names returns the names of the principals of a kind a resource
# applies to: the literal names it gives, and the name (or address) of
# each one it refers to.
principal_names(r, kind) := {n | some n in named_principals(r, kind)} | {name_of(x) | some x in principals_of(r, kind)}

# principal_names_at is principal_names for one argument (user, users...).
principal_names_at(r, kind, arg) := {n | some n in aws_list(object.get(r.attrs, arg, [])); is_string(n)} | {name_of(x) |
	some x in aws.referred_under(r, arg)
	x.type in {sprintf("aws_iam_%s", [kind]), cfn_principal_types[kind]}
}

# name_of returns a principal's name: its name argument (RoleName,
# UserName, GroupName), else its address.
name_of(x) := n if {
	n := object.get(x.attrs, name_attr[x.type], null)
	is_string(n)
} else := x.address

name_attr := {
	"aws_iam_role": "name", "aws_iam_user": "name", "aws_iam_group": "name", "aws_iam_policy": "name",
	"AWS::IAM::Role": "RoleName", "AWS::IAM::User": "UserName", "AWS::IAM::Group": "GroupName",
}

principal_args := {
	"role": ["role", "roles"],
	"user": ["user", "users"],
	"group": ["group", "groups"],
}

cfn_principal_args := {
	"role": ["Roles", "RoleName"],
	"user": ["Users", "UserName"],
	"group": ["Groups", "GroupName"],
}

# named_principals returns the literal names an attachment gives for a kind
# of principal (role, user or group).
named_principals(r, kind) := [n |
	some arg in principal_args[kind]
	v := object.get(r.attrs, arg, [])
	some n in aws_list(v)
	is_string(n)
] if r.kind == "terraform"

named_principals(r, kind) := [n |
	some arg in cfn_principal_args[kind]
	v := object.get(r.attrs, arg, [])
	some n in aws_list(v)
	is_string(n)
] if {
	r.kind == "cloudformation"
	not cfn_principal_type(r)
}

named_principals(r, _) := [] if cfn_principal_type(r)

aws_list(v) := v if is_array(v)

aws_list(v) := [v] if is_string(v)

aws_list(v) := [] if {
	not is_array(v)
	not is_string(v)
}
