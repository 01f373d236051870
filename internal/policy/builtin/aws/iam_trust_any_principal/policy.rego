# METADATA
# title: IAM role can be assumed by anyone
# description: |
#   A trust policy (assume_role_policy) that allows Principal "*" or
#   {"AWS": "*"} without a condition narrowing it to an account,
#   organisation or source lets any AWS identity in the world assume the
#   role and use its permissions. sts:ExternalId alone does not narrow it:
#   it is a shared string, not an identity.
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

deny contains {"msg": msg, "path": "assume_role_policy"} if {
	input.resource.kind == "terraform"
	some st in iam.statements(input.resource.attrs.assume_role_policy)
	iam.public_allow(st)
	msg := sprintf("the trust policy's %s lets any AWS principal assume the role", [iam.label(st)])
}

deny contains {"msg": "the trust policy cannot be read before apply", "path": "assume_role_policy"} if {
	aws.unknown(input.resource, "assume_role_policy")
}
