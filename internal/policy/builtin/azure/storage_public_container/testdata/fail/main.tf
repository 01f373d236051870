resource "azurerm_storage_account" "assets" {
  name                     = "contosoassets"
  resource_group_name      = "web"
  location                 = "westeurope"
  account_tier             = "Standard"
  account_replication_type = "GRS"
}

resource "azurerm_storage_container" "images" {
  name                  = "images"
  storage_account_id    = azurerm_storage_account.assets.id
  container_access_type = "blob"
}

resource "azurerm_storage_container" "exports" {
  name                  = "exports"
  storage_account_id    = azurerm_storage_account.assets.id
  container_access_type = "container"
}
