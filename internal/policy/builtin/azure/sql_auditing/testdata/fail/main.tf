resource "azurerm_mssql_server" "support" {
  name                         = "support-sql"
  resource_group_name          = "support-rg"
  location                     = "westeurope"
  version                      = "12.0"
  administrator_login          = "supportadmin"
  administrator_login_password = "not-a-real-password-1!"
  minimum_tls_version          = "1.2"
}

resource "azurerm_mssql_server" "reports" {
  name                         = "reports-sql"
  resource_group_name          = "support-rg"
  location                     = "westeurope"
  version                      = "12.0"
  administrator_login          = "reportsadmin"
  administrator_login_password = "not-a-real-password-1!"
  minimum_tls_version          = "1.2"
}

resource "azurerm_mssql_server_extended_auditing_policy" "reports" {
  server_id              = azurerm_mssql_server.reports.id
  enabled                = false
  log_monitoring_enabled = true
}
