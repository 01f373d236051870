variable "network_policy" {
  type = string
}

resource "azurerm_kubernetes_cluster" "shop" {
  name                = "shop"
  location            = "westeurope"
  resource_group_name = "k8s"
  dns_prefix          = "shop"
  network_profile {
    network_plugin = "azure"
    network_policy = "calico"
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

resource "azurerm_kubernetes_cluster" "batch" {
  name                = "batch"
  location            = "westeurope"
  resource_group_name = "k8s"
  dns_prefix          = "batch"
  network_profile {
    network_plugin      = "azure"
    network_plugin_mode = "overlay"
    network_data_plane  = "cilium"
    network_policy      = "cilium"
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
  network_profile {
    network_plugin = "azure"
    network_policy = var.network_policy
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
