# METADATA
# title: S3 bucket ACL facts across formats
# description: |
#   Normalised facts about S3 bucket ACLs, extracted from each format that
#   declares buckets, so a policy judges them once. One adapter clause per
#   format:
#   - Terraform: aws_s3_bucket.acl (legacy inline), aws_s3_bucket_acl.acl and
#     its access_control_policy grants; the bucket's
#     aws_s3_bucket_public_access_block and aws_s3_bucket_ownership_controls
#     are found through data.onus.estate.referrers.
#   - CloudFormation: AWS::S3::Bucket AccessControl (CamelCase canned ACLs,
#     normalised to the S3 API's names), PublicAccessBlockConfiguration and
#     OwnershipControls written inline in the bucket.
#   Facts are {"acl" or "grantee", "path"}: the path is where the finding
#   points in the resource under evaluation.
package onus.lib.aws.xf.s3

import data.onus.lib.estate

# public_canned are the canned ACLs that grant access beyond the account.
public_canned := {"public-read", "public-read-write", "authenticated-read"}

# public_groups are the grantee groups that mean everyone.
public_groups := {
	"http://acs.amazonaws.com/groups/global/AllUsers",
	"http://acs.amazonaws.com/groups/global/AuthenticatedUsers",
}

# cfn_canned maps CloudFormation's AccessControl values to S3 API names.
cfn_canned := {
	"Private": "private", "PublicRead": "public-read", "PublicReadWrite": "public-read-write",
	"AuthenticatedRead": "authenticated-read", "LogDeliveryWrite": "log-delivery-write",
	"BucketOwnerRead": "bucket-owner-read", "BucketOwnerFullControl": "bucket-owner-full-control",
	"AwsExecRead": "aws-exec-read",
}

# --- adapters: what each format declares -------------------------------------

# acls returns the canned ACLs r sets: {"acl", "path"}.
acls(r) := {{"acl": r.attrs.acl, "path": "acl"} |
	r.kind == "terraform"
	r.type in {"aws_s3_bucket", "aws_s3_bucket_acl"}
	is_string(r.attrs.acl)
} | {{"acl": object.get(cfn_canned, r.attrs.AccessControl, lower(r.attrs.AccessControl)), "path": "AccessControl"} |
	r.kind == "cloudformation"
	r.type == "AWS::S3::Bucket"
	is_string(r.attrs.AccessControl)
}

# grants returns the explicit grants r makes: {"grantee", "permission", "path"}.
grants(r) := {{"grantee": object.get(g.grantee[0], "uri", ""), "permission": object.get(g, "permission", ""), "path": sprintf("access_control_policy[0].grant[%d]", [i])} |
	r.kind == "terraform"
	r.type == "aws_s3_bucket_acl"
	some i, g in object.get(r.attrs, ["access_control_policy", 0, "grant"], [])
	count(object.get(g, "grantee", [])) > 0
}

# unknown_acl_paths lists the ACL attributes of r whose value is known only
# at deployment (they may be public).
unknown_acl_paths(r) := {p |
	some p in r.unknown
	p in {"acl", "AccessControl", "access_control_policy"}
}

# bucket returns the bucket r configures: itself, or for a Terraform split
# resource the bucket its bucket argument refers to (when it is in the
# scan).
bucket(r) := r if r.type in {"aws_s3_bucket", "AWS::S3::Bucket"}

bucket(r) := b if {
	r.kind == "terraform"
	r.type == "aws_s3_bucket_acl"
	some id in object.get(r.refs, "bucket", [])
	b := estate.resource(id)
}

# acls_blocked holds when the bucket's settings make public ACLs
# ineffective: a public access block that ignores or blocks them, or object
# ownership BucketOwnerEnforced (ACLs disabled).
acls_blocked(b) if {
	b.kind == "cloudformation"
	some k in ["IgnorePublicAcls", "BlockPublicAcls"]
	truthy(object.get(b.attrs, ["PublicAccessBlockConfiguration", k], false))
}

acls_blocked(b) if {
	b.kind == "cloudformation"
	some rule in object.get(b.attrs, ["OwnershipControls", "Rules"], [])
	rule.ObjectOwnership == "BucketOwnerEnforced"
}

acls_blocked(b) if {
	b.kind == "terraform"
	some pab in estate.referrers(b.id, "aws_s3_bucket_public_access_block")
	some k in ["ignore_public_acls", "block_public_acls"]
	truthy(object.get(pab.attrs, k, false))
}

acls_blocked(b) if {
	b.kind == "terraform"
	some oc in estate.referrers(b.id, "aws_s3_bucket_ownership_controls")
	some rule in object.get(oc.attrs, "rule", [])
	rule.object_ownership == "BucketOwnerEnforced"
}

truthy(v) if v == true

truthy(v) if v == "true"
