resource "azurerm_key_vault" "app" {
  name                       = "contoso-app-kv"
  location                   = "westeurope"
  resource_group_name        = "app"
  tenant_id                  = "00000000-0000-0000-0000-000000000000"
  sku_name                   = "standard"
  soft_delete_retention_days = 7
}

# an azurerm 2.x configuration
resource "azurerm_key_vault" "legacy" {
  name                = "contoso-legacy-kv"
  location            = "westeurope"
  resource_group_name = "app"
  tenant_id           = "00000000-0000-0000-0000-000000000000"
  sku_name            = "standard"
  soft_delete_enabled = false
}
