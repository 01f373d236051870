# METADATA
# title: App Service has remote debugging enabled
# description: |
#   Remote debugging opens extra inbound ports on the app's workers and
#   lets anyone holding the publishing credentials attach a debugger to the
#   production process, read its memory and change its behaviour. It is
#   meant to be switched on for a debugging session and off again (the
#   portal turns it off after 48 hours; templates keep it on). Checked on
#   azurerm_linux_web_app, azurerm_windows_web_app and azurerm_app_service
#   (site_config.remote_debugging_enabled; unset, false) and on ARM
#   Microsoft.Web/sites and .../slots (siteConfig.remoteDebuggingEnabled, or
#   remoteDebuggingEnabled of the site's Microsoft.Web/sites/config "web"
#   child; unset, false).
# related_resources:
#   - ref: https://learn.microsoft.com/en-us/visualstudio/debugger/remote-debugging-azure-app-service
# custom:
#   id: ONUS-AZ-041
#   severity: medium
#   category: configuration
#   layer: application
#   targets:
#     - kind: terraform
#       types: [azurerm_app_service, azurerm_linux_web_app, azurerm_windows_web_app]
#     - kind: arm
#       types: ["Microsoft.Web/sites", "Microsoft.Web/sites/slots", "Microsoft.Web/sites/config"]
#   controls:
#     nist-800-53: ["AC-17", "CM-7"]
#     csa-ccm: ["IVS-04"]
#   remediation: |
#     Remove remote_debugging_enabled = true from the site_config of the
#     azurerm_linux_web_app, azurerm_windows_web_app or azurerm_app_service
#     (or set it to false), or "remoteDebuggingEnabled" from the siteConfig
#     of the ARM Microsoft.Web/sites (or its config "web" child). Debug a
#     staging slot, or use Application Insights snapshots.
package onus.azure.appservice_remote_debugging

import data.onus.lib.azure as az
import data.onus.lib.azure.appservice

deny contains {"msg": "remote debugging is enabled on the app", "path": s.path} if {
	s := appservice.remote_debugging(input.resource)
	not s.unknown
	az.truthy(s.value)
}

deny contains {"msg": "whether remote debugging is enabled is unknown until deployment", "path": s.path} if {
	s := appservice.remote_debugging(input.resource)
	s.unknown
}
