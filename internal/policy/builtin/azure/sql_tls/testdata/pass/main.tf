resource "azurerm_mssql_server" "support" {
  name                         = "support-sql"
  resource_group_name          = "support-rg"
  location                     = "westeurope"
  version                      = "12.0"
  administrator_login          = "supportadmin"
  administrator_login_password = "not-a-real-password-1!"
  minimum_tls_version          = "1.2"
}

resource "azurerm_mssql_server" "defaults" {
  name                         = "defaults-sql"
  resource_group_name          = "support-rg"
  location                     = "westeurope"
  version                      = "12.0"
  administrator_login          = "defaultsadmin"
  administrator_login_password = "not-a-real-password-1!"
}
