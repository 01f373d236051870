variable "tls" {
  type = string
}

resource "azurerm_storage_account" "logs" {
  name                     = "contosologs"
  resource_group_name      = "ops"
  location                 = "westeurope"
  account_tier             = "Standard"
  account_replication_type = "LRS"
}

resource "azurerm_storage_account" "data" {
  name                     = "contosodata"
  resource_group_name      = "ops"
  location                 = "westeurope"
  account_tier             = "Standard"
  account_replication_type = "LRS"
  min_tls_version          = "TLS1_2"
}

# known only at deployment: undetermined, not a finding
resource "azurerm_storage_account" "uploads" {
  name                     = "contosouploads"
  resource_group_name      = "ops"
  location                 = "westeurope"
  account_tier             = "Standard"
  account_replication_type = "LRS"
  min_tls_version          = var.tls
}
