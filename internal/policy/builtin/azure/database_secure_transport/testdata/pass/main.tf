resource "azurerm_postgresql_flexible_server_configuration" "secure_transport" {
  name      = "require_secure_transport"
  server_id = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/orders-rg/providers/Microsoft.DBforPostgreSQL/flexibleServers/orders-pg"
  value     = "on"
}

resource "azurerm_postgresql_flexible_server_configuration" "tls" {
  name      = "ssl_min_protocol_version"
  server_id = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/orders-rg/providers/Microsoft.DBforPostgreSQL/flexibleServers/orders-pg"
  value     = "TLSv1.3"
}

resource "azurerm_mysql_flexible_server_configuration" "tls_versions" {
  name                = "tls_version"
  resource_group_name = "orders-rg"
  server_name         = "legacy-mysql"
  value               = "TLSv1.2,TLSv1.3"
}

resource "azurerm_mysql_flexible_server_configuration" "slow_log" {
  name                = "slow_query_log"
  resource_group_name = "orders-rg"
  server_name         = "legacy-mysql"
  value               = "OFF"
}
