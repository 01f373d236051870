resource "azurerm_storage_account" "records" {
  name                     = "contosorecords"
  resource_group_name      = "records"
  location                 = "westeurope"
  account_tier             = "Standard"
  account_replication_type = "GRS"
}
