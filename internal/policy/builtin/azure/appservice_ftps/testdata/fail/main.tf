resource "azurerm_linux_web_app" "shop" {
  name                = "contoso-shop"
  resource_group_name = "web"
  location            = "westeurope"
  service_plan_id     = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/web/providers/Microsoft.Web/serverFarms/web-plan"
  https_only          = true

  site_config {
    ftps_state = "AllAllowed"
  }
}

# azurerm 3.x: unset, the platform allows FTP
resource "azurerm_app_service" "legacy" {
  name                = "contoso-legacy"
  resource_group_name = "web"
  location            = "westeurope"
  app_service_plan_id = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/web/providers/Microsoft.Web/serverFarms/web-plan"
  https_only          = true

  site_config {
    min_tls_version = "1.2"
  }
}
