variable "retention" {
  type = number
}

resource "azurerm_key_vault" "app" {
  name                = "contoso-app-kv"
  location            = "westeurope"
  resource_group_name = "app"
  tenant_id           = "00000000-0000-0000-0000-000000000000"
  sku_name            = "standard"
}

resource "azurerm_key_vault" "cmk" {
  name                       = "contoso-cmk-kv"
  location                   = "westeurope"
  resource_group_name        = "app"
  tenant_id                  = "00000000-0000-0000-0000-000000000000"
  sku_name                   = "premium"
  soft_delete_retention_days = 30
}

# known only at deployment: undetermined, not a finding
resource "azurerm_key_vault" "shared" {
  name                       = "contoso-shared-kv"
  location                   = "westeurope"
  resource_group_name        = "app"
  tenant_id                  = "00000000-0000-0000-0000-000000000000"
  sku_name                   = "standard"
  soft_delete_retention_days = var.retention
}
