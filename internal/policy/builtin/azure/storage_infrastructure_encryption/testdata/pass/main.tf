variable "double_encryption" {
  type = bool
}

resource "azurerm_storage_account" "records" {
  name                              = "contosorecords"
  resource_group_name               = "records"
  location                          = "westeurope"
  account_tier                      = "Standard"
  account_replication_type          = "GRS"
  infrastructure_encryption_enabled = true
}

# known only at deployment: undetermined, not a finding
resource "azurerm_storage_account" "archive" {
  name                              = "contosoarchive"
  resource_group_name               = "records"
  location                          = "westeurope"
  account_tier                      = "Standard"
  account_replication_type          = "GRS"
  infrastructure_encryption_enabled = var.double_encryption
}
