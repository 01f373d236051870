# METADATA
# title: AKS cluster keeps its local admin account
# description: |
#   Unless local accounts are disabled, anyone allowed to list the cluster's
#   admin credentials receives a static cluster-admin kubeconfig that
#   bypasses Entra ID: no multi-factor authentication, no conditional
#   access, no per-user audit trail, and it stays valid until the
#   certificates are rotated. Checked on azurerm_kubernetes_cluster
#   (local_account_disabled; unset, false) and on ARM
#   Microsoft.ContainerService/managedClusters (disableLocalAccounts; unset,
#   false).
# related_resources:
#   - ref: https://learn.microsoft.com/en-us/azure/aks/manage-local-accounts-managed-azure-ad
# custom:
#   id: ONUS-AZ-031
#   severity: medium
#   category: identity
#   layer: data-access
#   targets:
#     - kind: terraform
#       types: [azurerm_kubernetes_cluster]
#     - kind: arm
#       types: ["Microsoft.ContainerService/managedClusters"]
#   controls:
#     nist-800-53: ["AC-2", "IA-2", "IA-2(1)"]
#     csa-ccm: ["IAM-14", "IAM-16"]
#   remediation: |
#     Set local_account_disabled = true on the azurerm_kubernetes_cluster
#     (with azure_active_directory_role_based_access_control configured), or
#     "disableLocalAccounts": true with an aadProfile on the ARM
#     Microsoft.ContainerService/managedClusters.
package onus.azure.aks_local_accounts

import data.onus.lib.azure as az
import data.onus.lib.azure.aks

deny contains {"msg": "local accounts are enabled: the admin kubeconfig bypasses Entra ID", "path": s.path} if {
	s := aks.local_accounts_disabled(input.resource)
	not s.unknown
	not az.truthy(s.value)
}

deny contains {"msg": "whether local accounts are disabled is unknown until deployment", "path": s.path} if {
	s := aks.local_accounts_disabled(input.resource)
	s.unknown
}
