# METADATA
# title: S3 bucket policy allows public access
# description: |
#   A bucket policy statement that allows Principal "*" (or {"AWS": "*"})
#   without a condition narrowing it to known networks, accounts,
#   organisations or services opens the bucket to anyone on the internet.
#   Conditions that restrict: aws:SourceIp, aws:SourceVpc(e), aws:SourceArn,
#   aws:SourceAccount, aws:PrincipalOrgID, aws:PrincipalAccount,
#   aws:PrincipalArn and similar, with a non-negated operator and values
#   that are not wildcards. The policy is reported where it is declared:
#   the legacy policy argument of aws_s3_bucket or an aws_s3_bucket_policy,
#   or, in CloudFormation, the statement of the PolicyDocument of an
#   AWS::S3::BucketPolicy (whose Bucket refers to the AWS::S3::Bucket whose
#   PublicAccessBlockConfiguration is then read).
#   It is not reported when a public access block of the bucket or of its
#   account (same root module) sets restrict_public_buckets or
#   block_public_policy, since S3 then limits or refuses the public policy.
# related_resources:
#   - ref: https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html#access-control-block-public-access-policy-status
# custom:
#   id: ONUS-AWS-002
#   severity: critical
#   category: public-access
#   layer: data-access
#   targets:
#     - kind: terraform
#       types: [aws_s3_bucket, aws_s3_bucket_policy]
#     - kind: cloudformation
#       types: ["AWS::S3::BucketPolicy"]
#   controls:
#     cis-aws: ["2.1.4"]
#     nist-800-53: ["AC-3", "AC-4", "AC-6", "AC-21", "SC-7"]
#     csa-ccm: ["DSP-17", "IAM-16"]
#     pci-dss: ["1.4.1", "7.2.1"]
#   remediation: |
#     Name the principals that need access instead of "*", or add a condition
#     such as aws:SourceVpce, aws:PrincipalOrgID or aws:SourceArn. Serve public
#     content through CloudFront with origin access control instead of a
#     public bucket, and add an aws_s3_bucket_public_access_block with all four
#     settings true (in CloudFormation, the bucket's
#     PublicAccessBlockConfiguration).
package onus.aws.s3_public_policy

import data.onus.lib.aws.iam
import data.onus.lib.aws.s3

# A policy document that cannot be known before apply (it interpolates an
# ARN, say) is reported on its path, which makes the check undetermined
# rather than passed.
deny contains {"msg": "the bucket policy cannot be read before apply", "path": p} if {
	some p in s3.unknown_policies(input.resource)
	not neutralised
}

deny contains result if {
	some p in s3.policies(input.resource)
	some st in iam.doc_statements(input.resource, p)
	iam.public_allow(st)
	restricted := s3.blocked(bucket, "restrict_public_buckets")
	refused := s3.blocked(bucket, "block_public_policy")
	restricted != "true"
	refused != "true"
	result := {
		"msg": sprintf("bucket policy %s allows %s to everyone (Principal \"*\") without a restricting condition", [iam.label(st), concat(", ", st.actions)]),
		"path": st.path,
		"undetermined": undetermined(st, {restricted, refused}),
	}
}

# A public statement whose condition is partly known only at deployment
# may yet be restricted by it.
undetermined(st, blocks) if "unknown" in blocks

undetermined(st, _) if count(iam.unsure(st, iam.principal_fields)) > 0

default undetermined(_, _) := false

# A statement that may allow (its effect is Allow or unknown) and whose
# principal is known only at deployment might be public: it is reported on
# the unknown path, which makes the check undetermined. (An unknown
# condition matters only to a public principal: see above.)
deny contains {"msg": sprintf("bucket policy %s has a principal known only at deployment", [iam.label(st)]), "path": u} if {
	some p in s3.policies(input.resource)
	some st in iam.doc_statements(input.resource, p)
	not iam.denies(st)
	not iam.public_allow(st)
	some u in iam.unsure(st, who_fields)
	not neutralised
}

who_fields := {"Effect", "Principal", "NotPrincipal"}

bucket := s3.bucket_or_self(input.resource)

# neutralised holds when a public access block certainly restricts or
# refuses public policies.
neutralised if s3.blocked(bucket, "restrict_public_buckets") == "true"

neutralised if s3.blocked(bucket, "block_public_policy") == "true"
