# METADATA
# title: App Service allows plain FTP deployment
# description: |
#   With FTP state AllAllowed, deployment credentials and the application's
#   code and configuration cross the network unencrypted over plain FTP.
#   Checked on azurerm_linux_web_app and azurerm_windows_web_app
#   (site_config.ftps_state; unset, Disabled in azurerm 3.x and 4.x),
#   azurerm_app_service (site_config.ftps_state; unset, the platform's
#   AllAllowed) and on ARM Microsoft.Web/sites and .../slots
#   (siteConfig.ftpsState, or ftpsState of the site's
#   Microsoft.Web/sites/config "web" child; unset, AllAllowed).
# related_resources:
#   - ref: https://learn.microsoft.com/en-us/azure/app-service/deploy-ftp#enforce-ftps
# custom:
#   id: ONUS-AZ-035
#   severity: medium
#   category: encryption
#   layer: application
#   targets:
#     - kind: terraform
#       types: [azurerm_app_service, azurerm_linux_web_app, azurerm_windows_web_app]
#     - kind: arm
#       types: ["Microsoft.Web/sites", "Microsoft.Web/sites/slots", "Microsoft.Web/sites/config"]
#   controls:
#     cis-azure: ["9.3"]
#     nist-800-53: ["SC-8", "CM-7"]
#     csa-ccm: ["CEK-03", "DSP-10"]
#   remediation: |
#     Set site_config { ftps_state = "Disabled" } (or "FtpsOnly") on the
#     azurerm_linux_web_app, azurerm_windows_web_app or azurerm_app_service,
#     or "ftpsState": "Disabled" in the siteConfig of the ARM
#     Microsoft.Web/sites (or in its config "web" child). Deploy with zip
#     deploy, a container registry or a pipeline instead of FTP.
package onus.azure.appservice_ftps

import data.onus.lib.azure.appservice
import data.onus.lib.azure.facts

deny contains {"msg": "the app accepts deployments over plain FTP (ftps state AllAllowed)", "path": s.path} if {
	s := appservice.ftps_state(input.resource)
	not s.unknown
	facts.text(s.value) == "allallowed"
}

deny contains {"msg": "the app's FTP state is unknown until deployment", "path": s.path} if {
	s := appservice.ftps_state(input.resource)
	s.unknown
}
