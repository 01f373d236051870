# METADATA
# title: AKS cluster has Kubernetes RBAC disabled
# description: |
#   Without Kubernetes RBAC every authenticated user and service account is
#   authorised for everything in the cluster: one leaked token or one
#   compromised pod owns every workload and secret. RBAC cannot be turned
#   on after the cluster is created. Checked on azurerm_kubernetes_cluster
#   (role_based_access_control_enabled; unset, on in azurerm 3.x and 4.x)
#   and on ARM Microsoft.ContainerService/managedClusters (enableRBAC; unset,
#   on).
# related_resources:
#   - ref: https://learn.microsoft.com/en-us/azure/aks/concepts-identity
# custom:
#   id: ONUS-AZ-028
#   severity: high
#   category: identity
#   layer: data-access
#   targets:
#     - kind: terraform
#       types: [azurerm_kubernetes_cluster]
#     - kind: arm
#       types: ["Microsoft.ContainerService/managedClusters"]
#   controls:
#     nist-800-53: ["AC-3", "AC-6"]
#     csa-ccm: ["IAM-05", "IAM-16"]
#   remediation: |
#     Remove role_based_access_control_enabled = false from the
#     azurerm_kubernetes_cluster (or set it to true), or set "enableRBAC":
#     true on the ARM Microsoft.ContainerService/managedClusters; the
#     cluster is recreated. Prefer Entra ID integration with Azure RBAC for
#     Kubernetes authorization.
package onus.azure.aks_rbac_disabled

import data.onus.lib.azure as az
import data.onus.lib.azure.aks

deny contains {"msg": "Kubernetes RBAC is disabled: every authenticated identity may do anything in the cluster", "path": s.path} if {
	s := aks.rbac(input.resource)
	not s.unknown
	az.falsy(s.value)
}

deny contains {"msg": "whether Kubernetes RBAC is enabled is unknown until deployment", "path": s.path} if {
	s := aks.rbac(input.resource)
	s.unknown
}
