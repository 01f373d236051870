resource "azurerm_storage_account" "logs" {
  name                       = "contosologs"
  resource_group_name        = "ops"
  location                   = "westeurope"
  account_tier               = "Standard"
  account_replication_type   = "LRS"
  https_traffic_only_enabled = false
}

# azurerm 3.x spelling
resource "azurerm_storage_account" "legacy" {
  name                      = "contosolegacy"
  resource_group_name       = "ops"
  location                  = "westeurope"
  account_tier              = "Standard"
  account_replication_type  = "LRS"
  enable_https_traffic_only = false
}
