variable "admin_ranges" {
  type = list(string)
}

resource "azurerm_kubernetes_cluster" "shop" {
  name                    = "shop"
  location                = "westeurope"
  resource_group_name     = "k8s"
  dns_prefix              = "shop"
  private_cluster_enabled = true

  default_node_pool {
    name       = "system"
    vm_size    = "Standard_D4s_v5"
    node_count = 3
  }

  identity {
    type = "SystemAssigned"
  }
}

resource "azurerm_kubernetes_cluster" "batch" {
  name                = "batch"
  location            = "westeurope"
  resource_group_name = "k8s"
  dns_prefix          = "batch"
  api_server_access_profile {
    authorized_ip_ranges = ["203.0.113.0/24"]
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
resource "azurerm_kubernetes_cluster" "ops" {
  name                = "ops"
  location            = "westeurope"
  resource_group_name = "k8s"
  dns_prefix          = "ops"
  api_server_access_profile {
    authorized_ip_ranges = var.admin_ranges
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
