resource "azurerm_postgresql_flexible_server_configuration" "connections" {
  name      = "log_connections"
  server_id = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/orders-rg/providers/Microsoft.DBforPostgreSQL/flexibleServers/orders-pg"
  value     = "on"
}

resource "azurerm_postgresql_flexible_server_configuration" "disconnections" {
  name      = "log_disconnections"
  server_id = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/orders-rg/providers/Microsoft.DBforPostgreSQL/flexibleServers/orders-pg"
  value     = "ON"
}

resource "azurerm_mysql_flexible_server_configuration" "slow_log" {
  name                = "log_connections"
  resource_group_name = "orders-rg"
  server_name         = "legacy-mysql"
  value               = "OFF"
}
