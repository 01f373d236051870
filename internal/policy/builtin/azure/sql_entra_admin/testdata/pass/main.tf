variable "dba_group_object_id" {
  type = string
}

resource "azurerm_mssql_server" "support" {
  name                = "support-sql"
  resource_group_name = "support-rg"
  location            = "westeurope"
  version             = "12.0"
  minimum_tls_version = "1.2"

  azuread_administrator {
    login_username              = "support-dbas"
    object_id                   = var.dba_group_object_id
    azuread_authentication_only = true
  }
}
