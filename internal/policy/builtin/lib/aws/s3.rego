# METADATA
# title: AWS S3 facts
# description: |
#   What an S3 bucket's configuration says, gathered from wherever it is
#   declared, per format. Each helper returns normalised facts ({"path",
#   ...}: the path is where the finding points, in the resource that wrote
#   it) so a policy judges them once.
#   - Terraform: the legacy inline arguments of aws_s3_bucket (acl, grant,
#     policy, server_side_encryption_configuration, versioning, logging),
#     the split resources that point at it through bucket (aws_s3_bucket_acl,
#     _policy, _public_access_block, _ownership_controls,
#     _server_side_encryption_configuration, _versioning, _logging), and the
#     account-wide aws_s3_account_public_access_block of the same root
#     module.
#   - CloudFormation: the properties of AWS::S3::Bucket (AccessControl, with
#     its CamelCase canned ACLs normalised to the S3 API's names,
#     PublicAccessBlockConfiguration, OwnershipControls, BucketEncryption,
#     VersioningConfiguration, LoggingConfiguration) and the
#     AWS::S3::BucketPolicy resources whose Bucket refers to the bucket.
#     CloudFormation has no account-level public access block.
package onus.lib.aws.s3

import data.onus.lib.aws
import data.onus.lib.aws.iam
import data.onus.lib.estate

split_types := {
	"aws_s3_bucket_acl", "aws_s3_bucket_policy", "aws_s3_bucket_public_access_block",
	"aws_s3_bucket_server_side_encryption_configuration", "aws_s3_bucket_versioning",
	"aws_s3_bucket_logging", "aws_s3_bucket_ownership_controls",
}

# is_bucket holds for resources that are S3 buckets.
is_bucket(r) if {
	r.kind == "terraform"
	r.type == "aws_s3_bucket"
}

is_bucket(r) if {
	r.kind == "cloudformation"
	r.type == "AWS::S3::Bucket"
}

# bucket_of returns the bucket a resource configures: itself for a bucket,
# the bucket its bucket argument (Bucket property) refers to for a split
# resource (bucket policy).
bucket_of(r) := r if is_bucket(r)

bucket_of(r) := b if {
	r.kind == "terraform"
	r.type in split_types
	some id in object.get(r.refs, "bucket", [])
	b := estate.resource(id)
	is_bucket(b)
}

bucket_of(r) := b if {
	r.kind == "cloudformation"
	r.type == "AWS::S3::BucketPolicy"
	some b in aws.referred(r, "Bucket")
	is_bucket(b)
}

# bucket_or_self returns the bucket r configures when it is known, else r
# itself (a split resource whose bucket is declared elsewhere: only the
# account-level settings of its own root module can then be seen).
bucket_or_self(r) := b if {
	b := bucket_of(r)
} else := r

# attached returns the Terraform split resources of a type pointing at
# bucket b.
attached(b, type) := aws.referring(b.id, type, "bucket")

# paths names, per format, the attribute a finding about a missing setting
# points at.
paths := {
	"encryption": {"terraform": "server_side_encryption_configuration", "cloudformation": "BucketEncryption"},
	"versioning": {"terraform": "versioning", "cloudformation": "VersioningConfiguration"},
	"logging": {"terraform": "logging", "cloudformation": "LoggingConfiguration"},
}

# --- public access blocks -------------------------------------------------

# flags are the four settings of a public access block, by their Terraform
# names; cfn_flags gives their CloudFormation names.
flags := ["block_public_acls", "block_public_policy", "ignore_public_acls", "restrict_public_buckets"]

cfn_flags := {
	"block_public_acls": "BlockPublicAcls", "block_public_policy": "BlockPublicPolicy",
	"ignore_public_acls": "IgnorePublicAcls", "restrict_public_buckets": "RestrictPublicBuckets",
}

# block_settings reads a Terraform public access block resource:
# {"resource", "settings": {flag: bool}, "unknown": {flag}, "paths": {flag:
# path}}. An unset flag is false.
block_settings(r) := {
	"resource": r,
	"settings": {f: v | some f in flags; v := aws.truthy_or_false(object.get(r.attrs, f, false))},
	"unknown": {f | some f in flags; aws.unknown(r, f)},
	"paths": {f: f | some f in flags},
}

# cfn_block reads the PublicAccessBlockConfiguration of a CloudFormation
# bucket, in the same shape.
cfn_block(b) := {
	"resource": b,
	"settings": {f: v | some f in flags; v := aws.truthy_or_false(object.get(b.attrs, ["PublicAccessBlockConfiguration", cfn_flags[f]], false))},
	"unknown": {f | some f in flags; aws.unknown(b, cfn_flag_path(f))},
	"paths": {f: cfn_flag_path(f) | some f in flags},
}

cfn_flag_path(f) := concat(".", ["PublicAccessBlockConfiguration", cfn_flags[f]])

# flag_name names a flag the way r's format writes it, for messages.
flag_name(r, f) := cfn_flags[f] if r.kind == "cloudformation"

flag_name(r, f) := f if r.kind != "cloudformation"

# own_blocks returns the public access blocks a resource itself declares:
# a Terraform aws_s3_bucket_public_access_block, or a CloudFormation
# bucket's PublicAccessBlockConfiguration (written, or known only at
# deployment).
default own_blocks(_) := []

own_blocks(r) := [block_settings(r)] if {
	r.kind == "terraform"
	r.type == "aws_s3_bucket_public_access_block"
}

own_blocks(r) := [cfn_block(r)] if {
	r.kind == "cloudformation"
	is_bucket(r)
	declares_block(r)
}

declares_block(r) if "PublicAccessBlockConfiguration" in object.keys(r.attrs)

declares_block(r) if aws.unknown(r, "PublicAccessBlockConfiguration")

# bucket_blocks returns the bucket-level public access blocks of bucket b.
default bucket_blocks(_) := []

bucket_blocks(b) := [block_settings(r) | some r in attached(b, "aws_s3_bucket_public_access_block")] if b.kind == "terraform"

bucket_blocks(b) := own_blocks(b) if b.kind == "cloudformation"

# account_blocks returns the account-level public access blocks that
# apply to bucket b (those of its root module). CloudFormation cannot
# declare one.
default account_blocks(_) := []

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

# cfn_canned maps CloudFormation's AccessControl values to the S3 API's
# canned ACL names.
cfn_canned := {
	"Private": "private", "PublicRead": "public-read", "PublicReadWrite": "public-read-write",
	"AuthenticatedRead": "authenticated-read", "LogDeliveryWrite": "log-delivery-write",
	"BucketOwnerRead": "bucket-owner-read", "BucketOwnerFullControl": "bucket-owner-full-control",
	"AwsExecRead": "aws-exec-read",
}

group_name(uri) := substring(uri, count("http://acs.amazonaws.com/groups/global/"), -1)

# public_acls returns the public grants a resource itself declares
# (aws_s3_bucket inline acl and grant blocks, aws_s3_bucket_acl acl and
# access_control_policy grants, AWS::S3::Bucket AccessControl):
# [{"path", "grant" (a description)}].
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

public_acls(r) := [{"path": "AccessControl", "grant": sprintf("canned ACL %s (%s)", [r.attrs.AccessControl, acl])} |
	acl := cfn_canned[r.attrs.AccessControl]
	acl in public_canned
] if {
	r.kind == "cloudformation"
	is_bucket(r)
}

# unknown_acls lists the ACL attributes of r known only at deployment (they
# may be public).
default unknown_acls(_) := []

unknown_acls(r) := [p | some p in ["acl", "access_control_policy"]; aws.unknown(r, p)] if {
	r.kind == "terraform"
	r.type == "aws_s3_bucket_acl"
}

unknown_acls(r) := ["AccessControl" | aws.unknown(r, "AccessControl")] if {
	r.kind == "cloudformation"
	is_bucket(r)
}

# acls_disabled holds for a bucket whose object ownership is
# BucketOwnerEnforced: ACLs are disabled, so a public ACL has no effect (S3
# refuses to set one).
acls_disabled(b) if {
	b.kind == "terraform"
	some oc in attached(b, "aws_s3_bucket_ownership_controls")
	some rule in object.get(oc.attrs, "rule", [])
	rule.object_ownership == "BucketOwnerEnforced"
}

acls_disabled(b) if {
	b.kind == "cloudformation"
	some rule in object.get(b.attrs, ["OwnershipControls", "Rules"], [])
	rule.ObjectOwnership == "BucketOwnerEnforced"
}

# log_delivery_acl holds for a bucket whose ACL lets S3 write access logs
# into it (the classic log bucket).
log_delivery_acl(b) if b.attrs.acl == "log-delivery-write"

log_delivery_acl(b) if {
	some r in attached(b, "aws_s3_bucket_acl")
	r.attrs.acl == "log-delivery-write"
}

log_delivery_acl(b) if {
	b.kind == "cloudformation"
	b.attrs.AccessControl == "LogDeliveryWrite"
}

# --- bucket policies --------------------------------------------------------

# policies returns the bucket policies a resource itself declares:
# [{"resource", "path", "policy"}] where policy is a JSON string
# (Terraform) or a document object (CloudFormation).
default policies(_) := []

policies(r) := [{"resource": r, "path": "policy", "policy": r.attrs.policy}] if {
	r.kind == "terraform"
	r.type in {"aws_s3_bucket", "aws_s3_bucket_policy"}
	is_string(r.attrs.policy)
	r.attrs.policy != ""
}

policies(r) := [{"resource": r, "path": "PolicyDocument", "policy": r.attrs.PolicyDocument}] if {
	r.kind == "cloudformation"
	r.type == "AWS::S3::BucketPolicy"
	iam.is_document(r.attrs.PolicyDocument)
}

# policy_resources returns the resources holding bucket b's policies.
policy_resources(b) := array.concat([b], attached(b, "aws_s3_bucket_policy")) if b.kind == "terraform"

policy_resources(b) := aws.referring(b.id, "AWS::S3::BucketPolicy", "Bucket") if b.kind == "cloudformation"

# bucket_policies returns every policy of bucket b, inline or attached.
bucket_policies(b) := [p | some r in policy_resources(b); some p in policies(r)]

# unknown_policies returns the paths of the bucket policy documents of r
# that cannot be known before apply.
default unknown_policies(_) := []

unknown_policies(r) := ["policy" | aws.unknown(r, "policy")] if {
	r.kind == "terraform"
	r.type in {"aws_s3_bucket", "aws_s3_bucket_policy"}
}

unknown_policies(r) := [p | some p in r.unknown; regex.match(`^PolicyDocument(\.Statement(\[\d+\])?)?$`, p)] if {
	r.kind == "cloudformation"
	r.type == "AWS::S3::BucketPolicy"
}

# bucket_policy_unknown is true when a policy of bucket b cannot be read
# where its effect, principal or condition is concerned.
default bucket_policy_unknown(_) := false

bucket_policy_unknown(b) if {
	some r in policy_resources(b)
	count(unknown_policies(r)) > 0
}

bucket_policy_unknown(b) if {
	some p in bucket_policies(b)
	some st in iam.doc_statements(p.resource, p)
	count(iam.unsure(st, iam.principal_fields)) > 0
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

encryption(r) := [{"path": sprintf("BucketEncryption.ServerSideEncryptionConfiguration[%d].ServerSideEncryptionByDefault.SSEAlgorithm", [i]), "algorithm": algorithm} |
	some i, rule in object.get(r.attrs, ["BucketEncryption", "ServerSideEncryptionConfiguration"], [])
	is_object(rule)
	algorithm := object.get(rule, ["ServerSideEncryptionByDefault", "SSEAlgorithm"], "")
] if {
	r.kind == "cloudformation"
	is_bucket(r)
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

versioning(r) := [{"path": "VersioningConfiguration.Status", "enabled": enabled} |
	is_object(r.attrs.VersioningConfiguration)
	enabled := object.get(r.attrs, ["VersioningConfiguration", "Status"], "") == "Enabled"
] if {
	r.kind == "cloudformation"
	is_bucket(r)
}

# versioning_declared holds when bucket b has a versioning configuration,
# inline or attached.
versioning_declared(b) if count(versioning(b)) > 0

versioning_declared(b) if count(attached(b, "aws_s3_bucket_versioning")) > 0

# logging_declared holds when bucket b sends access logs somewhere.
logging_declared(b) if {
	b.kind == "terraform"
	count(object.get(b.attrs, "logging", [])) > 0
}

logging_declared(b) if count(attached(b, "aws_s3_bucket_logging")) > 0

logging_declared(b) if {
	b.kind == "cloudformation"
	is_object(b.attrs.LoggingConfiguration)
}

# log_target holds when bucket b receives other buckets' access logs.
log_target(b) if count(aws.referring(b.id, "aws_s3_bucket_logging", "target_bucket")) > 0

log_target(b) if count(aws.referring(b.id, "aws_s3_bucket", "logging[0].target_bucket")) > 0

log_target(b) if count(aws.referring(b.id, "AWS::S3::Bucket", "LoggingConfiguration.DestinationBucketName")) > 0

log_target(b) if log_delivery_acl(b)
