resource "azurerm_linux_web_app" "shop" {
  name                = "contoso-shop"
  resource_group_name = "web"
  location            = "westeurope"
  service_plan_id     = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/web/providers/Microsoft.Web/serverFarms/web-plan"

  site_config {
  }
}

resource "azurerm_windows_web_app" "admin" {
  name                = "contoso-admin"
  resource_group_name = "web"
  location            = "westeurope"
  service_plan_id     = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/web/providers/Microsoft.Web/serverFarms/web-plan"
  https_only          = false

  site_config {
  }
}
