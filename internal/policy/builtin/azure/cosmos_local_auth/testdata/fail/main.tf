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
  name                          = "shop-catalog"
  location                      = "westeurope"
  resource_group_name           = "shop-rg"
  offer_type                    = "Standard"
  public_network_access_enabled = false
  local_authentication_disabled = false

  consistency_policy {
    consistency_level = "Session"
  }

  geo_location {
    location          = "westeurope"
    failover_priority = 0
  }
}
