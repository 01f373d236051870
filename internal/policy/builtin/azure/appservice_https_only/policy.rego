# METADATA
# title: App Service accepts plain HTTP
# description: |
#   Unless "HTTPS only" is on, a web app answers on plain HTTP too: session
#   cookies, tokens and form data can be read and changed on the way, and
#   links or bookmarks keep users on the unencrypted site. Checked on
#   azurerm_linux_web_app, azurerm_windows_web_app and azurerm_app_service
#   (https_only; unset, false) and on ARM Microsoft.Web/sites and
#   Microsoft.Web/sites/slots (httpsOnly; unset, false).
# related_resources:
#   - ref: https://learn.microsoft.com/en-us/azure/app-service/configure-ssl-bindings#enforce-https
# custom:
#   id: ONUS-AZ-033
#   severity: medium
#   category: encryption
#   layer: application
#   targets:
#     - kind: terraform
#       types: [azurerm_app_service, azurerm_linux_web_app, azurerm_windows_web_app]
#     - kind: arm
#       types: ["Microsoft.Web/sites", "Microsoft.Web/sites/slots"]
#   controls:
#     cis-azure: ["9.1"]
#     nist-800-53: ["SC-8", "SC-8(1)"]
#     csa-ccm: ["CEK-03", "DSP-10"]
#   remediation: |
#     Set https_only = true on the azurerm_linux_web_app,
#     azurerm_windows_web_app or azurerm_app_service, or "httpsOnly": true in
#     the properties of the ARM Microsoft.Web/sites: HTTP requests are then
#     redirected to HTTPS.
package onus.azure.appservice_https_only

import data.onus.lib.azure as az
import data.onus.lib.azure.appservice

deny contains {"msg": "the app answers plain HTTP requests", "path": s.path} if {
	s := appservice.https_only(input.resource)
	not s.unknown
	not az.truthy(s.value)
}

deny contains {"msg": "whether the app is HTTPS only is unknown until deployment", "path": s.path} if {
	s := appservice.https_only(input.resource)
	s.unknown
}
