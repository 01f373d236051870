resource "azurerm_cosmosdb_account" "tickets" {
  name                          = "support-tickets"
  location                      = "westeurope"
  resource_group_name           = "support-rg"
  offer_type                    = "Standard"
  public_network_access_enabled = false
  local_authentication_disabled = true

  consistency_policy {
    consistency_level = "Session"
  }

  geo_location {
    location          = "westeurope"
    failover_priority = 0
  }
}
