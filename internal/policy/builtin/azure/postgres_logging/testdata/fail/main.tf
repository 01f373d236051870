resource "azurerm_postgresql_flexible_server_configuration" "connections" {
  name      = "log_connections"
  server_id = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/orders-rg/providers/Microsoft.DBforPostgreSQL/flexibleServers/orders-pg"
  value     = "off"
}

resource "azurerm_postgresql_flexible_server_configuration" "throttle" {
  name      = "connection_throttle.enable"
  server_id = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/orders-rg/providers/Microsoft.DBforPostgreSQL/flexibleServers/orders-pg"
  value     = "OFF"
}

resource "azurerm_postgresql_flexible_server_configuration" "statements" {
  name      = "log_statement"
  server_id = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/orders-rg/providers/Microsoft.DBforPostgreSQL/flexibleServers/orders-pg"
  value     = "none"
}
