# METADATA
# title: IAM role can be assumed by anyone
# description: |
#   A trust policy (assume_role_policy) that allows Principal "*" or
#   {"AWS": "*"} without a condition narrowing it to an account,
#   organisation or source lets any AWS identity in the world assume the
#   role and use its permissions. sts:ExternalId alone does not narrow it:
#   it is a shared string, not an identity. In CloudFormation the trust
#   policy is the AssumeRolePolicyDocument of AWS::IAM::Role, and the
#   finding points at the statement; a statement whose principal or
#   condition is known only at deployment is undetermined.
# related_resources:
#   - ref: https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_terms-and-concepts.html#iam-term-trust-policy
# custom:
#   id: ONUS-AWS-033
#   severity: critical
#   category: identity
#   layer: data-access
#   targets:
#     - kind: terraform
#       types: [aws_iam_role]
#     - kind: cloudformation
#       types: ["AWS::IAM::Role"]
#   controls:
#     nist-800-53: ["AC-3", "AC-6", "AC-17"]
#     csa-ccm: ["IAM-16"]
#     pci-dss: ["7.2.1"]
#   remediation: |
#     Name the accounts, roles or services that may assume the role, or add
#     aws:PrincipalOrgID / aws:PrincipalAccount conditions.
package onus.aws.iam_trust_any_principal

import data.onus.lib.aws
import data.onus.lib.aws.iam

# trust returns the trust policy of a role: {"policy", "path"}.
trust(r) := {"policy": r.attrs.assume_role_policy, "path": "assume_role_policy"} if {
	r.kind == "terraform"
	is_string(r.attrs.assume_role_policy)
}

trust(r) := {"policy": r.attrs.AssumeRolePolicyDocument, "path": "AssumeRolePolicyDocument"} if {
	r.kind == "cloudformation"
	iam.is_document(r.attrs.AssumeRolePolicyDocument)
}

deny contains {"msg": msg, "path": st.path} if {
	some st in iam.doc_statements(input.resource, trust(input.resource))
	iam.public_allow(st)
	count(iam.unsure(st, iam.principal_fields)) == 0
	msg := sprintf("the trust policy's %s lets any AWS principal assume the role", [iam.label(st)])
}

# A statement that may allow and whose principal is known only at
# deployment might trust anyone; so might a public one whose condition is
# known only at deployment. Either is reported on the unknown path, which
# makes the check undetermined.
deny contains {"msg": sprintf("the trust policy's %s has a principal or condition known only at deployment", [iam.label(st)]), "path": u} if {
	some st in iam.doc_statements(input.resource, trust(input.resource))
	not iam.denies(st)
	some u in iam.unsure(st, {"Effect", "Principal", "NotPrincipal"})
}

deny contains {"msg": sprintf("the trust policy's %s trusts anyone under a condition known only at deployment", [iam.label(st)]), "path": u} if {
	some st in iam.doc_statements(input.resource, trust(input.resource))
	iam.public_allow(st)
	some u in iam.unsure(st, {"Condition"})
}

deny contains {"msg": "the trust policy cannot be read before apply", "path": p} if {
	some p in ["assume_role_policy", "AssumeRolePolicyDocument"]
	aws.unknown(input.resource, p)
}
