# METADATA
# title: GKE Secrets are not encrypted with a Cloud KMS key
# description: |
#   GKE encrypts etcd at rest with Google-managed keys; application-layer
#   secrets encryption adds envelope encryption of Kubernetes Secrets with
#   a Cloud KMS key the customer controls, so that a copy of etcd or of its
#   backups does not expose them, and access to the key can be audited and
#   revoked. It is on when database_encryption has state = "ENCRYPTED" and
#   a key_name.
# related_resources:
#   - ref: https://cloud.google.com/kubernetes-engine/docs/how-to/encrypting-secrets
# custom:
#   id: ONUS-GCP-030
#   severity: medium
#   category: encryption
#   layer: data-access
#   targets:
#     - kind: terraform
#       types: [google_container_cluster]
#   controls:
#     nist-800-53: ["SC-12", "SC-28"]
#     csa-ccm: ["CEK-03"]
#   remediation: |
#     Add database_encryption { state = "ENCRYPTED", key_name =
#     google_kms_crypto_key.gke.id } with a key in the cluster's region, and
#     grant roles/cloudkms.cryptoKeyEncrypterDecrypter on it to the GKE
#     service agent.
package onus.gcp.gke_secrets_encryption

deny contains {"msg": "Kubernetes Secrets are not encrypted with a Cloud KMS key", "path": "database_encryption[0].state"} if {
	object.get(input.resource.attrs, ["database_encryption", 0, "state"], "DECRYPTED") != "ENCRYPTED"
}
