# METADATA
# title: EKS secrets are not encrypted with a customer managed KMS key
# description: |
#   Kubernetes Secrets live in etcd. An encryption_config for the "secrets"
#   resource wraps them with a KMS key the customer controls (envelope
#   encryption), so a copy of etcd or of its backups does not yield the
#   secrets, and every decryption is logged in CloudTrail.
#   In CloudFormation the setting is EncryptionConfig of AWS::EKS::Cluster
#   (Resources: [secrets] with a Provider KeyArn).
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
#     - kind: cloudformation
#       types: ["AWS::EKS::Cluster"]
#   controls:
#     nist-800-53: ["SC-12", "SC-28"]
#     csa-ccm: ["CEK-03"]
#     pci-dss: ["3.5.1"]
#   remediation: |
#     Add encryption_config { resources = ["secrets"] provider { key_arn = aws_kms_key.eks.arn } }.
#     In CloudFormation, set EncryptionConfig with Resources [secrets] and
#     Provider KeyArn.
package onus.aws.eks_secrets_encryption

import data.onus.lib.aws.eks

deny contains {"msg": "Kubernetes secrets are not envelope-encrypted with a customer managed KMS key", "path": e.path} if {
	e := eks.encryption(input.resource)
	not "secrets" in e.resources
}
