variable "public" {
  type    = bool
  default = false
}

resource "azurerm_storage_account" "reports" {
  name                            = "contosoreports"
  resource_group_name             = "reports"
  location                        = "westeurope"
  account_tier                    = "Standard"
  account_replication_type        = "LRS"
  allow_nested_items_to_be_public = false
}

resource "azurerm_storage_account" "assets" {
  name                            = "contosoassets"
  resource_group_name             = "web"
  location                        = "westeurope"
  account_tier                    = "Standard"
  account_replication_type        = "GRS"
  allow_nested_items_to_be_public = var.public
}
