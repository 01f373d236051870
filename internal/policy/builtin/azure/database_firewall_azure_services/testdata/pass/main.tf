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

resource "azurerm_cosmosdb_account" "tickets" {
  name                = "support-tickets"
  location            = "westeurope"
  resource_group_name = "support-rg"
  offer_type          = "Standard"
  ip_range_filter     = ["203.0.113.0/24"]

  consistency_policy {
    consistency_level = "Session"
  }

  geo_location {
    location          = "westeurope"
    failover_priority = 0
  }
}

resource "azurerm_cosmosdb_account" "private" {
  name                          = "support-private"
  location                      = "westeurope"
  resource_group_name           = "support-rg"
  offer_type                    = "Standard"
  public_network_access_enabled = false
  ip_range_filter               = ["0.0.0.0"]

  consistency_policy {
    consistency_level = "Session"
  }

  geo_location {
    location          = "westeurope"
    failover_priority = 0
  }
}
