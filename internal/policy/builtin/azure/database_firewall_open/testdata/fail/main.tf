variable "office_start" {
  type = string
}

resource "azurerm_mssql_server" "support" {
  name                         = "support-sql"
  resource_group_name          = "support-rg"
  location                     = "westeurope"
  version                      = "12.0"
  administrator_login          = "supportadmin"
  administrator_login_password = "not-a-real-password-1!"
  minimum_tls_version          = "1.2"
}

resource "azurerm_mssql_firewall_rule" "all" {
  name             = "AllowAll"
  server_id        = azurerm_mssql_server.support.id
  start_ip_address = "0.0.0.0"
  end_ip_address   = "255.255.255.255"
}

resource "azurerm_mssql_firewall_rule" "azure" {
  name             = "AllowAzureServices"
  server_id        = azurerm_mssql_server.support.id
  start_ip_address = "0.0.0.0"
  end_ip_address   = "0.0.0.0"
}

resource "azurerm_mssql_firewall_rule" "office" {
  name             = "Office"
  server_id        = azurerm_mssql_server.support.id
  start_ip_address = var.office_start
  end_ip_address   = "203.0.113.20"
}

resource "azurerm_postgresql_flexible_server_firewall_rule" "wide" {
  name             = "wide"
  server_id        = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.DBforPostgreSQL/flexibleServers/orders-pg"
  start_ip_address = "1.0.0.0"
  end_ip_address   = "223.255.255.255"
}

resource "azurerm_mysql_flexible_server_firewall_rule" "azure" {
  name                = "azure"
  resource_group_name = "rg"
  server_name         = "orders-mysql"
  start_ip_address    = "0.0.0.0"
  end_ip_address      = "0.0.0.0"
}
