variable "no_local" {
  type = bool
}

resource "azurerm_kubernetes_cluster" "shop" {
  name                   = "shop"
  location               = "westeurope"
  resource_group_name    = "k8s"
  dns_prefix             = "shop"
  local_account_disabled = true

  azure_active_directory_role_based_access_control {
    azure_rbac_enabled = true
  }

  default_node_pool {
    name       = "system"
    vm_size    = "Standard_D4s_v5"
    node_count = 3
  }

  identity {
    type = "SystemAssigned"
  }
}

# known only at deployment: undetermined, not a finding
resource "azurerm_kubernetes_cluster" "batch" {
  name                   = "batch"
  location               = "westeurope"
  resource_group_name    = "k8s"
  dns_prefix             = "batch"
  local_account_disabled = var.no_local

  default_node_pool {
    name       = "system"
    vm_size    = "Standard_D4s_v5"
    node_count = 3
  }

  identity {
    type = "SystemAssigned"
  }
}
