variable "access" {
  type = string
}

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
  container_access_type = "private"
}

resource "azurerm_storage_container" "exports" {
  name               = "exports"
  storage_account_id = azurerm_storage_account.assets.id
}

# known only at deployment: undetermined, not a finding
resource "azurerm_storage_container" "uploads" {
  name                  = "uploads"
  storage_account_id    = azurerm_storage_account.assets.id
  container_access_type = var.access
}
