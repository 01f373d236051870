resource "azurerm_storage_account" "logs" {
  name                     = "contosologs"
  resource_group_name      = "ops"
  location                 = "westeurope"
  account_tier             = "Standard"
  account_replication_type = "LRS"
}

resource "azurerm_storage_account" "data" {
  name                     = "contosodata"
  resource_group_name      = "ops"
  location                 = "westeurope"
  account_tier             = "Standard"
  account_replication_type = "LRS"

  network_rules {
    default_action = "Allow"
    ip_rules       = ["203.0.113.0/24"]
  }
}

resource "azurerm_storage_account" "uploads" {
  name                     = "contosouploads"
  resource_group_name      = "ops"
  location                 = "westeurope"
  account_tier             = "Standard"
  account_replication_type = "LRS"
}

resource "azurerm_storage_account_network_rules" "uploads" {
  storage_account_id = azurerm_storage_account.uploads.id
  default_action     = "Allow"
}
