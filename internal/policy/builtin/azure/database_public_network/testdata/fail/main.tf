variable "public" {
  type = bool
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

resource "azurerm_postgresql_flexible_server" "orders" {
  name                          = "orders-pg"
  resource_group_name           = "orders-rg"
  location                      = "westeurope"
  version                       = "16"
  sku_name                      = "GP_Standard_D2s_v3"
  public_network_access_enabled = true
}

resource "azurerm_mysql_flexible_server" "legacy" {
  name                          = "legacy-mysql"
  resource_group_name           = "orders-rg"
  location                      = "westeurope"
  sku_name                      = "B_Standard_B1s"
  public_network_access_enabled = var.public
}
