resource "azurerm_network_watcher_flow_log" "search" {
  network_watcher_name = "NetworkWatcher_westeurope"
  resource_group_name  = "NetworkWatcherRG"
  name                 = "search-nsg-flows"
  target_resource_id   = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/support/providers/Microsoft.Network/networkSecurityGroups/search-nsg"
  storage_account_id   = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/support/providers/Microsoft.Storage/storageAccounts/supportflows"
  enabled              = true

  retention_policy {
    enabled = true
    days    = 365
  }
}

resource "azurerm_network_watcher_flow_log" "edge" {
  network_watcher_name = "NetworkWatcher_westeurope"
  resource_group_name  = "NetworkWatcherRG"
  name                 = "edge-nsg-flows"
  target_resource_id   = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/edge/providers/Microsoft.Network/networkSecurityGroups/edge-nsg"
  storage_account_id   = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/edge/providers/Microsoft.Storage/storageAccounts/edgeflows"
  enabled              = true

  retention_policy {
    enabled = false
    days    = 7
  }
}
