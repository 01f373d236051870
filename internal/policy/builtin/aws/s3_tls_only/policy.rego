# METADATA
# title: S3 bucket policy does not deny plain HTTP requests
# description: |
#   S3 answers HTTP as well as HTTPS. Only a bucket policy statement that
#   denies every principal when aws:SecureTransport is false keeps requests
#   (and the credentials signing them) off unencrypted connections. The
#   bucket's policies are read wherever they are declared: the legacy policy
#   argument of a v3 aws_s3_bucket and every aws_s3_bucket_policy referring
#   to the bucket; in CloudFormation, the PolicyDocument of every
#   AWS::S3::BucketPolicy whose Bucket refers to the AWS::S3::Bucket (the
#   finding points at the bucket, which has no policy property).
# related_resources:
#   - ref: https://docs.aws.amazon.com/AmazonS3/latest/userguide/security-best-practices.html#transit
#   - ref: https://repost.aws/knowledge-center/s3-bucket-policy-for-config-rule
# custom:
#   id: ONUS-AWS-008
#   severity: medium
#   category: encryption
#   layer: data-access
#   targets:
#     - kind: terraform
#       types: [aws_s3_bucket]
#     - kind: cloudformation
#       types: ["AWS::S3::Bucket"]
#   controls:
#     cis-aws: ["2.1.1"]
#     nist-800-53: ["SC-8", "SC-8(1)", "SC-13"]
#     csa-ccm: ["CEK-03", "DSP-10"]
#     pci-dss: ["4.2.1"]
#   remediation: |
#     Add to the bucket policy a statement with Effect "Deny", Principal "*",
#     Action "s3:*", the bucket and its objects as resources, and the condition
#     Bool aws:SecureTransport = "false" (in CloudFormation, in the
#     PolicyDocument of an AWS::S3::BucketPolicy whose Bucket is !Ref the
#     bucket).
package onus.aws.s3_tls_only

import data.onus.lib.aws.iam
import data.onus.lib.aws.s3

deny contains result if {
	b := input.resource
	s3.is_bucket(b)
	not tls_enforced(b)
	result := object.union(
		{
			"msg": "no bucket policy denies requests made without TLS (aws:SecureTransport false)",
			"undetermined": policy_unknown(b),
		},
		{"path": p | p := policy_path[b.kind]},
	)
}

# policy_path is where the finding points: the bucket's legacy policy
# argument in Terraform; a CloudFormation bucket has no policy property, so
# the finding points at the bucket.
policy_path := {"terraform": "policy"}

# policy_unknown is true when a policy of bucket b cannot be read, or a
# statement that is not known to be an Allow has an unknown effect,
# principal or condition: it might be the denial. An Allow statement with
# an unknown principal cannot enforce TLS.
default policy_unknown(_) := false

policy_unknown(b) if {
	some r in s3.policy_resources(b)
	count(s3.unknown_policies(r)) > 0
}

policy_unknown(b) if {
	some p in s3.bucket_policies(b)
	some st in iam.doc_statements(p.resource, p)
	not iam.allows(st)
	count(iam.unsure(st, iam.principal_fields)) > 0
}

tls_enforced(b) if {
	some p in s3.bucket_policies(b)
	some st in iam.statements(p.policy)
	iam.denies(st)
	iam.public_principal(st)
	some c in st.conditions
	c.key == "aws:securetransport"
	lower(c.operator) in {"bool", "boolifexists"}
	some v in c.values
	lower(sprintf("%v", [v])) == "false"
}
