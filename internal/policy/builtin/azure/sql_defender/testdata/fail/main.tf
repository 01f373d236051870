resource "azurerm_mssql_server" "support" {
  name                         = "support-sql"
  resource_group_name          = "support-rg"
  location                     = "westeurope"
  version                      = "12.0"
  administrator_login          = "supportadmin"
  administrator_login_password = "not-a-real-password-1!"
}

resource "azurerm_mssql_server" "reports" {
  name                         = "reports-sql"
  resource_group_name          = "support-rg"
  location                     = "westeurope"
  version                      = "12.0"
  administrator_login          = "reportsadmin"
  administrator_login_password = "not-a-real-password-1!"
}

resource "azurerm_mssql_server_security_alert_policy" "reports" {
  resource_group_name = "support-rg"
  server_name         = azurerm_mssql_server.reports.name
  state               = "Disabled"
}
