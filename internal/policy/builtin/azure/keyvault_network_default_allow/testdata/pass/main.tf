variable "kv_action" {
  type = string
}

resource "azurerm_key_vault" "app" {
  name                = "contoso-app-kv"
  location            = "westeurope"
  resource_group_name = "app"
  tenant_id           = "00000000-0000-0000-0000-000000000000"
  sku_name            = "standard"

  network_acls {
    default_action = "Deny"
    bypass         = "AzureServices"
    ip_rules       = ["203.0.113.0/24"]
  }
}

resource "azurerm_key_vault" "private" {
  name                          = "contoso-private-kv"
  location                      = "westeurope"
  resource_group_name           = "app"
  tenant_id                     = "00000000-0000-0000-0000-000000000000"
  sku_name                      = "standard"
  public_network_access_enabled = false
}

# known only at deployment: undetermined, not a finding
resource "azurerm_key_vault" "cmk" {
  name                = "contoso-cmk-kv"
  location            = "westeurope"
  resource_group_name = "app"
  tenant_id           = "00000000-0000-0000-0000-000000000000"
  sku_name            = "premium"

  network_acls {
    default_action = var.kv_action
    bypass         = "AzureServices"
  }
}
