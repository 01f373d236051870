resource "azurerm_mssql_firewall_rule" "office" {
  name             = "Office"
  server_id        = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.Sql/servers/support-sql"
  start_ip_address = "203.0.113.0"
  end_ip_address   = "203.0.113.255"
}

resource "azurerm_postgresql_flexible_server_firewall_rule" "vpn" {
  name             = "vpn"
  server_id        = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.DBforPostgreSQL/flexibleServers/orders-pg"
  start_ip_address = "198.51.100.10"
  end_ip_address   = "198.51.100.10"
}

resource "azurerm_mysql_flexible_server_firewall_rule" "partner" {
  name                = "partner"
  resource_group_name = "rg"
  server_name         = "orders-mysql"
  start_ip_address    = "192.0.2.0"
  end_ip_address      = "192.0.2.63"
}
