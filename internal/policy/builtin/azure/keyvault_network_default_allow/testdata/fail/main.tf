resource "azurerm_key_vault" "app" {
  name                = "contoso-app-kv"
  location            = "westeurope"
  resource_group_name = "app"
  tenant_id           = "00000000-0000-0000-0000-000000000000"
  sku_name            = "standard"
}

resource "azurerm_key_vault" "cmk" {
  name                = "contoso-cmk-kv"
  location            = "westeurope"
  resource_group_name = "app"
  tenant_id           = "00000000-0000-0000-0000-000000000000"
  sku_name            = "premium"

  network_acls {
    default_action = "Allow"
    bypass         = "AzureServices"
  }
}
