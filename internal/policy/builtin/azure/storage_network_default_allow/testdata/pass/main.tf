variable "default_action" {
  type = string
}

resource "azurerm_storage_account" "logs" {
  name                     = "contosologs"
  resource_group_name      = "ops"
  location                 = "westeurope"
  account_tier             = "Standard"
  account_replication_type = "LRS"

  network_rules {
    default_action             = "Deny"
    virtual_network_subnet_ids = ["/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/ops/providers/Microsoft.Network/virtualNetworks/ops/subnets/app"]
  }
}

resource "azurerm_storage_account" "private" {
  name                          = "contosoprivate"
  resource_group_name           = "ops"
  location                      = "westeurope"
  account_tier                  = "Standard"
  account_replication_type      = "LRS"
  public_network_access_enabled = false
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
  default_action     = "Deny"
  bypass             = ["AzureServices"]
}

# known only at deployment: undetermined, not a finding
resource "azurerm_storage_account" "data" {
  name                     = "contosodata"
  resource_group_name      = "ops"
  location                 = "westeurope"
  account_tier             = "Standard"
  account_replication_type = "LRS"

  network_rules {
    default_action = var.default_action
  }
}
