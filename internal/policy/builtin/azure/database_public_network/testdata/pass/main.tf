resource "azurerm_mssql_server" "support" {
  name                          = "support-sql"
  resource_group_name           = "support-rg"
  location                      = "westeurope"
  version                       = "12.0"
  administrator_login           = "supportadmin"
  administrator_login_password  = "not-a-real-password-1!"
  minimum_tls_version           = "1.2"
  public_network_access_enabled = false
}

resource "azurerm_subnet" "db" {
  name                 = "db"
  resource_group_name  = "orders-rg"
  virtual_network_name = "orders-vnet"
  address_prefixes     = ["10.0.2.0/24"]
}

resource "azurerm_postgresql_flexible_server" "orders" {
  name                = "orders-pg"
  resource_group_name = "orders-rg"
  location            = "westeurope"
  version             = "16"
  sku_name            = "GP_Standard_D2s_v3"
  delegated_subnet_id = azurerm_subnet.db.id
  private_dns_zone_id = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/orders-rg/providers/Microsoft.Network/privateDnsZones/orders.postgres.database.azure.com"
}

resource "azurerm_mysql_flexible_server" "legacy" {
  name                          = "legacy-mysql"
  resource_group_name           = "orders-rg"
  location                      = "westeurope"
  sku_name                      = "B_Standard_B1s"
  public_network_access_enabled = false
}
