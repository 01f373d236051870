resource "azurerm_kubernetes_cluster" "shop" {
  name                = "shop"
  location            = "westeurope"
  resource_group_name = "k8s"
  dns_prefix          = "shop"

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
  network_profile {
    network_plugin = "kubenet"
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
