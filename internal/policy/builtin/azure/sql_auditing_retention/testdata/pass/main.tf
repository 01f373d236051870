resource "azurerm_mssql_server_extended_auditing_policy" "support" {
  server_id         = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.Sql/servers/support-sql"
  storage_endpoint  = "https://supportaudit.blob.core.windows.net/"
  retention_in_days = 180
}

resource "azurerm_mssql_server_extended_auditing_policy" "reports" {
  server_id              = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.Sql/servers/reports-sql"
  log_monitoring_enabled = true
}

resource "azurerm_mssql_server_extended_auditing_policy" "legacy" {
  server_id         = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.Sql/servers/legacy-sql"
  enabled           = false
  retention_in_days = 7
}
