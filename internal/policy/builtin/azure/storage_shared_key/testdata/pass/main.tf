variable "shared_keys" {
  type = bool
}

resource "azurerm_storage_account" "logs" {
  name                      = "contosologs"
  resource_group_name       = "ops"
  location                  = "westeurope"
  account_tier              = "Standard"
  account_replication_type  = "LRS"
  shared_access_key_enabled = false
}

# known only at deployment: undetermined, not a finding
resource "azurerm_storage_account" "data" {
  name                      = "contosodata"
  resource_group_name       = "ops"
  location                  = "westeurope"
  account_tier              = "Standard"
  account_replication_type  = "LRS"
  shared_access_key_enabled = var.shared_keys
}
