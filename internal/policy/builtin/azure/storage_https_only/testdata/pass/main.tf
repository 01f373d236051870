variable "https_only" {
  type = bool
}

resource "azurerm_storage_account" "logs" {
  name                     = "contosologs"
  resource_group_name      = "ops"
  location                 = "westeurope"
  account_tier             = "Standard"
  account_replication_type = "LRS"
}

resource "azurerm_storage_account" "legacy" {
  name                      = "contosolegacy"
  resource_group_name       = "ops"
  location                  = "westeurope"
  account_tier              = "Standard"
  account_replication_type  = "LRS"
  enable_https_traffic_only = true
}

# known only at deployment: undetermined, not a finding
resource "azurerm_storage_account" "uploads" {
  name                       = "contosouploads"
  resource_group_name        = "ops"
  location                   = "westeurope"
  account_tier               = "Standard"
  account_replication_type   = "LRS"
  https_traffic_only_enabled = var.https_only
}
