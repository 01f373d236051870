variable "rbac" {
  type = bool
}

resource "azurerm_key_vault" "app" {
  name                       = "contoso-app-kv"
  location                   = "westeurope"
  resource_group_name        = "app"
  tenant_id                  = "00000000-0000-0000-0000-000000000000"
  sku_name                   = "standard"
  rbac_authorization_enabled = true
}

resource "azurerm_key_vault" "cmk" {
  name                      = "contoso-cmk-kv"
  location                  = "westeurope"
  resource_group_name       = "app"
  tenant_id                 = "00000000-0000-0000-0000-000000000000"
  sku_name                  = "premium"
  enable_rbac_authorization = true
}

# known only at deployment: undetermined, not a finding
resource "azurerm_key_vault" "shared" {
  name                       = "contoso-shared-kv"
  location                   = "westeurope"
  resource_group_name        = "app"
  tenant_id                  = "00000000-0000-0000-0000-000000000000"
  sku_name                   = "standard"
  rbac_authorization_enabled = var.rbac
}
