variable "secure_transport" {
  type = string
}

resource "azurerm_postgresql_flexible_server" "orders" {
  name                          = "orders-pg"
  resource_group_name           = "orders-rg"
  location                      = "westeurope"
  version                       = "16"
  sku_name                      = "GP_Standard_D2s_v3"
  public_network_access_enabled = false
}

resource "azurerm_postgresql_flexible_server_configuration" "no_tls" {
  name      = "require_secure_transport"
  server_id = azurerm_postgresql_flexible_server.orders.id
  value     = "off"
}

resource "azurerm_postgresql_flexible_server_configuration" "old_tls" {
  name      = "ssl_min_protocol_version"
  server_id = azurerm_postgresql_flexible_server.orders.id
  value     = "TLSv1.1"
}

resource "azurerm_mysql_flexible_server_configuration" "tls_versions" {
  name                = "tls_version"
  resource_group_name = "orders-rg"
  server_name         = "legacy-mysql"
  value               = "TLSv1,TLSv1.1,TLSv1.2"
}

resource "azurerm_mysql_flexible_server_configuration" "secure_transport" {
  name                = "require_secure_transport"
  resource_group_name = "orders-rg"
  server_name         = "legacy-mysql"
  value               = var.secure_transport
}

resource "azurerm_mysql_flexible_server_configuration" "timeout" {
  name                = "interactive_timeout"
  resource_group_name = "orders-rg"
  server_name         = "legacy-mysql"
  value               = "0"
}
