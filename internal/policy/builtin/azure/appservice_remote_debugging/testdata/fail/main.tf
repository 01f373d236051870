resource "azurerm_windows_web_app" "admin" {
  name                = "contoso-admin"
  resource_group_name = "web"
  location            = "westeurope"
  service_plan_id     = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/web/providers/Microsoft.Web/serverFarms/web-plan"
  https_only          = true

  site_config {
    remote_debugging_enabled = true
    remote_debugging_version = "VS2022"
  }
}
