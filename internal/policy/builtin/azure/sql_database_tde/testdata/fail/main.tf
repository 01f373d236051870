resource "azurerm_mssql_database" "cases" {
  name                                = "support-cases"
  server_id                           = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/support-rg/providers/Microsoft.Sql/servers/support-sql"
  sku_name                            = "S1"
  transparent_data_encryption_enabled = false
}
