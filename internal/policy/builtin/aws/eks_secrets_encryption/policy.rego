# METADATA
# title: EKS secrets are not encrypted with a customer managed KMS key
# description: |
#   Kubernetes Secrets live in etcd. An encryption_config for the "secrets"
#   resource wraps them with a KMS key the customer controls (envelope
#   encryption), so a copy of etcd or of its backups does not yield the
#   secrets, and every decryption is logged in CloudTrail.
# related_resources:
#   - ref: https://docs.aws.amazon.com/eks/latest/userguide/enable-kms.html
# custom:
#   id: ONUS-AWS-041
#   severity: medium
#   category: encryption
#   layer: data-access
#   targets:
#     - kind: terraform
#       types: [aws_eks_cluster]
#   controls:
#     nist-800-53: ["SC-12", "SC-28"]
#     csa-ccm: ["CEK-03"]
#     pci-dss: ["3.5.1"]
#   remediation: |
#     Add encryption_config { resources = ["secrets"] provider { key_arn = aws_kms_key.eks.arn } }.
package onus.aws.eks_secrets_encryption

deny contains {"msg": "Kubernetes secrets are not envelope-encrypted with a customer managed KMS key", "path": "encryption_config"} if {
	input.resource.kind == "terraform"
	not secrets_encrypted
}

secrets_encrypted if {
	some c in object.get(input.resource.attrs, "encryption_config", [])
	"secrets" in object.get(c, "resources", [])
}
