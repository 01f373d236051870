resource "azurerm_cosmosdb_account" "tickets" {
  name                = "support-tickets"
  location            = "westeurope"
  resource_group_name = "support-rg"
  offer_type          = "Standard"

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
  ip_range_filter     = ["203.0.113.0/24", "0.0.0.0/0"]

  consistency_policy {
    consistency_level = "Session"
  }

  geo_location {
    location          = "westeurope"
    failover_priority = 0
  }
}
