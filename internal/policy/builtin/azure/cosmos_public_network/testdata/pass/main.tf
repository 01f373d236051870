resource "azurerm_cosmosdb_account" "tickets" {
  name                          = "support-tickets"
  location                      = "westeurope"
  resource_group_name           = "support-rg"
  offer_type                    = "Standard"
  public_network_access_enabled = false

  consistency_policy {
    consistency_level = "Session"
  }

  geo_location {
    location          = "westeurope"
    failover_priority = 0
  }
}

resource "azurerm_cosmosdb_account" "catalog" {
  name                = "shop-catalog"
  location            = "westeurope"
  resource_group_name = "shop-rg"
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

resource "azurerm_cosmosdb_account" "orders" {
  name                              = "shop-orders"
  location                          = "westeurope"
  resource_group_name               = "shop-rg"
  offer_type                        = "Standard"
  is_virtual_network_filter_enabled = true

  virtual_network_rule {
    id = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/shop-rg/providers/Microsoft.Network/virtualNetworks/shop/subnets/app"
  }

  consistency_policy {
    consistency_level = "Session"
  }

  geo_location {
    location          = "westeurope"
    failover_priority = 0
  }
}
