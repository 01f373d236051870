# METADATA
# title: AWS S3 facts
# description: |
#   What an S3 bucket's configuration says, gathered from wherever it is
#   declared. In Terraform a bucket is configured by the legacy inline
#   arguments of aws_s3_bucket (acl, grant, policy,
#   server_side_encryption_configuration, versioning, logging) and by the
#   split resources that point at it (aws_s3_bucket_acl, _policy,
#   _public_access_block, _server_side_encryption_configuration,
#   _versioning, _logging), plus the account-wide
#   aws_s3_account_public_access_block of the same root module. Each helper
#   returns normalised facts ({"resource", "path", ...}) so a policy judges
#   them once, whatever format declared them; a format adds its own
#   extraction clauses.
package onus.lib.aws.s3

import data.onus.lib.aws
import data.onus.lib.estate

split_types := {
	"aws_s3_bucket_acl", "aws_s3_bucket_policy", "aws_s3_bucket_public_access_block",
	"aws_s3_bucket_server_side_encryption_configuration", "aws_s3_bucket_versioning",
	"aws_s3_bucket_logging",
}

# is_bucket holds for resources that are S3 buckets.
is_bucket(r) if {
	r.kind == "terraform"
	r.type == "aws_s3_bucket"
}

# bucket_of returns the bucket a resource configures: itself for a bucket,
# the bucket its bucket argument refers to for a split resource.
bucket_of(r) := r if is_bucket(r)

bucket_of(r) := b if {
	r.kind == "terraform"
	r.type in split_types
	some id in object.get(r.refs, "bucket", [])
	b := estate.resource(id)
	is_bucket(b)
}

# bucket_or_self returns the bucket r configures when it is known, else r
# itself (a split resource whose bucket is declared elsewhere: only the
# account-level settings of its own root module can then be seen).
bucket_or_self(r) := b if {
	b := bucket_of(r)
} else := r

# attached returns the split resources of a type pointing at bucket b.
attached(b, type) := aws.referring(b.id, type, "bucket")

# --- public access blocks -------------------------------------------------

flags := ["block_public_acls", "block_public_policy", "ignore_public_acls", "restrict_public_buckets"]

# block_settings reads a public access block resource:
# {"resource", "settings": {flag: bool}, "unknown": {flag}}. An unset flag
# is false.
block_settings(r) := {
	"resource": r,
	"settings": {f: v | some f in flags; v := object.get(r.attrs, f, false) == true},
	"unknown": {f | some f in flags; aws.unknown(r, f)},
}

# bucket_blocks returns the bucket-level public access blocks of bucket b.
bucket_blocks(b) := [block_settings(r) | some r in attached(b, "aws_s3_bucket_public_access_block")] if b.kind == "terraform"

# account_blocks returns the account-level public access blocks that
# apply to bucket b (those of its root module).
account_blocks(b) := [block_settings(r) | some r in aws.in_unit(b, "aws_s3_account_public_access_block")] if b.kind == "terraform"

# blocked returns "true" when a bucket- or account-level block sets flag,
# "unknown" when none sets it but one leaves it unknown, else "false".
blocked(b, flag) := "true" if {
	some blk in array.concat(bucket_blocks(b), account_blocks(b))
	blk.settings[flag]
} else := "unknown" if {
	some blk in array.concat(bucket_blocks(b), account_blocks(b))
	flag in blk.unknown
} else := "false"

# account_covers holds when an account-level block of b's root module
# sets every flag.
account_covers(b) if {
	some blk in account_blocks(b)
	every f in flags {
		blk.settings[f]
	}
}

# account_unknown is true when an account-level block leaves some flag
# unknown (and none covers every flag).
default account_unknown(_) := false

account_unknown(b) if {
	not account_covers(b)
	some blk in account_blocks(b)
	count(blk.unknown) > 0
}

# --- ACLs -------------------------------------------------------------------

public_canned := {"public-read", "public-read-write", "authenticated-read"}

public_groups := {
	"http://acs.amazonaws.com/groups/global/AllUsers",
	"http://acs.amazonaws.com/groups/global/AuthenticatedUsers",
}

group_name(uri) := substring(uri, count("http://acs.amazonaws.com/groups/global/"), -1)

# public_acls returns the public grants a resource itself declares
# (aws_s3_bucket inline acl and grant blocks, aws_s3_bucket_acl acl and
# access_control_policy grants): [{"path", "grant" (a description)}].
default public_acls(_) := []

public_acls(r) := array.concat(
	[{"path": "acl", "grant": sprintf("canned ACL %q", [r.attrs.acl])} | r.attrs.acl in public_canned],
	[{"path": sprintf("grant[%d].uri", [i]), "grant": sprintf("grant to the %s group", [group_name(g.uri)])} |
		some i, g in object.get(r.attrs, "grant", [])
		g.uri in public_groups
	],
) if {
	r.kind == "terraform"
	r.type == "aws_s3_bucket"
}

public_acls(r) := array.concat(
	[{"path": "acl", "grant": sprintf("canned ACL %q", [r.attrs.acl])} | r.attrs.acl in public_canned],
	[{"path": sprintf("access_control_policy[0].grant[%d].grantee[0].uri", [i]), "grant": sprintf("grant to the %s group", [group_name(g.grantee[0].uri)])} |
		some i, g in object.get(r.attrs, ["access_control_policy", 0, "grant"], [])
		g.grantee[0].uri in public_groups
	],
) if {
	r.kind == "terraform"
	r.type == "aws_s3_bucket_acl"
}

# log_delivery_acl holds for a bucket whose ACL lets S3 write access logs
# into it (the classic log bucket).
log_delivery_acl(b) if b.attrs.acl == "log-delivery-write"

log_delivery_acl(b) if {
	some r in attached(b, "aws_s3_bucket_acl")
	r.attrs.acl == "log-delivery-write"
}

# --- bucket policies --------------------------------------------------------

# policies returns the bucket policies a resource itself declares:
# [{"path", "policy"}] where policy is a JSON string.
default policies(_) := []

policies(r) := [{"path": "policy", "policy": r.attrs.policy}] if {
	r.kind == "terraform"
	r.type in {"aws_s3_bucket", "aws_s3_bucket_policy"}
	is_string(r.attrs.policy)
	r.attrs.policy != ""
}

# bucket_policies returns every policy of bucket b, inline or attached.
bucket_policies(b) := array.concat(policies(b), [p | some r in attached(b, "aws_s3_bucket_policy"); some p in policies(r)])

# bucket_policy_unknown is true when a policy of bucket b is unknown.
default bucket_policy_unknown(_) := false

bucket_policy_unknown(b) if aws.unknown(b, "policy")

bucket_policy_unknown(b) if {
	some r in attached(b, "aws_s3_bucket_policy")
	aws.unknown(r, "policy")
}

# --- encryption, versioning, logging -------------------------------------

# encryption returns the default encryption rules a resource itself
# declares: [{"path", "algorithm"}]; algorithm is "" when unset.
default encryption(_) := []

encryption(r) := [{"path": sprintf("server_side_encryption_configuration[0].rule[0].apply_server_side_encryption_by_default[%d].sse_algorithm", [i]), "algorithm": object.get(d, "sse_algorithm", "")} |
	some i, d in object.get(r.attrs, ["server_side_encryption_configuration", 0, "rule", 0, "apply_server_side_encryption_by_default"], [])
] if {
	r.kind == "terraform"
	r.type == "aws_s3_bucket"
}

encryption(r) := [{"path": sprintf("rule[%d].apply_server_side_encryption_by_default[0].sse_algorithm", [i]), "algorithm": object.get(rule, ["apply_server_side_encryption_by_default", 0, "sse_algorithm"], "")} |
	some i, rule in object.get(r.attrs, "rule", [])
] if {
	r.kind == "terraform"
	r.type == "aws_s3_bucket_server_side_encryption_configuration"
}

# encryption_declared holds when bucket b has a default encryption
# configuration, inline or attached.
encryption_declared(b) if count(encryption(b)) > 0

encryption_declared(b) if count(attached(b, "aws_s3_bucket_server_side_encryption_configuration")) > 0

kms_algorithms := {"aws:kms", "aws:kms:dsse"}

# versioning returns the versioning settings a resource itself declares:
# [{"path", "enabled"}].
default versioning(_) := []

versioning(r) := [{"path": "versioning[0].enabled", "enabled": enabled} |
	count(object.get(r.attrs, "versioning", [])) > 0
	enabled := object.get(r.attrs, ["versioning", 0, "enabled"], false) == true
] if {
	r.kind == "terraform"
	r.type == "aws_s3_bucket"
}

versioning(r) := [{"path": "versioning_configuration[0].status", "enabled": enabled}] if {
	enabled := object.get(r.attrs, ["versioning_configuration", 0, "status"], "") == "Enabled"
	r.kind == "terraform"
	r.type == "aws_s3_bucket_versioning"
}

# versioning_declared holds when bucket b has a versioning configuration,
# inline or attached.
versioning_declared(b) if count(versioning(b)) > 0

versioning_declared(b) if count(attached(b, "aws_s3_bucket_versioning")) > 0

# logging_declared holds when bucket b sends access logs somewhere.
logging_declared(b) if count(object.get(b.attrs, "logging", [])) > 0

logging_declared(b) if count(attached(b, "aws_s3_bucket_logging")) > 0

# log_target holds when bucket b receives other buckets' access logs.
log_target(b) if count(aws.referring(b.id, "aws_s3_bucket_logging", "target_bucket")) > 0

log_target(b) if count(aws.referring(b.id, "aws_s3_bucket", "logging[0].target_bucket")) > 0

log_target(b) if log_delivery_acl(b)
