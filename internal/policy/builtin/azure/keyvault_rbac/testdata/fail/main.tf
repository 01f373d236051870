data "azurerm_client_config" "current" {}

resource "azurerm_key_vault" "app" {
  name                = "contoso-app-kv"
  location            = "westeurope"
  resource_group_name = "app"
  tenant_id           = data.azurerm_client_config.current.tenant_id
  sku_name            = "standard"

  access_policy {
    tenant_id          = data.azurerm_client_config.current.tenant_id
    object_id          = data.azurerm_client_config.current.object_id
    secret_permissions = ["Get", "List", "Set"]
  }
}

resource "azurerm_key_vault" "cmk" {
  name                      = "contoso-cmk-kv"
  location                  = "westeurope"
  resource_group_name       = "app"
  tenant_id                 = data.azurerm_client_config.current.tenant_id
  sku_name                  = "premium"
  enable_rbac_authorization = false
}
