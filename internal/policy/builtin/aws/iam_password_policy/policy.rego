# METADATA
# title: IAM password policy is weak
# description: |
#   The account password policy governs every IAM user's console password.
#   CIS asks for at least 14 characters and for the last 24 passwords not to
#   be reused. Unset, AWS requires only 8 characters and allows reuse.
#   CloudFormation has no equivalent: the account password policy is set
#   with the IAM API (UpdateAccountPasswordPolicy) and no resource type
#   declares it, so this check reads Terraform only.
# related_resources:
#   - ref: https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_passwords_account-policy.html
# custom:
#   id: ONUS-AWS-034
#   severity: medium
#   category: identity
#   layer: data-access
#   targets:
#     - kind: terraform
#       types: [aws_iam_account_password_policy]
#   controls:
#     cis-aws: ["1.8", "1.9"]
#     nist-800-53: ["IA-5", "IA-5(1)"]
#     csa-ccm: ["IAM-02"]
#     pci-dss: ["8.3.6", "8.3.7"]
#   params:
#     min_length: {default: 14, description: shortest acceptable minimum password length}
#     reuse: {default: 24, description: fewest previous passwords that may not be reused}
#   remediation: |
#     Set minimum_password_length = 14 (or more) and
#     password_reuse_prevention = 24, and prefer IAM Identity Center with MFA
#     over IAM user passwords.
package onus.aws.iam_password_policy

deny contains {"msg": msg, "path": "minimum_password_length"} if {
	input.resource.kind == "terraform"
	n := object.get(input.resource.attrs, "minimum_password_length", 8)
	n < input.params.min_length
	msg := sprintf("passwords may be %v characters long; at least %v are required", [n, input.params.min_length])
}

deny contains {"msg": msg, "path": "password_reuse_prevention"} if {
	input.resource.kind == "terraform"
	n := object.get(input.resource.attrs, "password_reuse_prevention", 0)
	n < input.params.reuse
	msg := sprintf("only the last %v passwords are remembered; at least %v should not be reused", [n, input.params.reuse])
}
