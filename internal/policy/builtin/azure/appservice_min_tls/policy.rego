# METADATA
# title: App Service accepts TLS versions older than 1.2
# description: |
#   TLS 1.0 and 1.1 have known weaknesses and are deprecated (RFC 8996); an
#   app that accepts them lets old or downgraded clients talk to it over
#   weak encryption. Checked on azurerm_linux_web_app and
#   azurerm_windows_web_app (site_config.minimum_tls_version; unset, 1.2 in
#   azurerm 3.x and 4.x), azurerm_app_service (site_config.min_tls_version;
#   unset, 1.2) and on ARM Microsoft.Web/sites and .../slots
#   (siteConfig.minTlsVersion, or minTlsVersion of the site's
#   Microsoft.Web/sites/config "web" child; unset, 1.2).
# related_resources:
#   - ref: https://learn.microsoft.com/en-us/azure/app-service/overview-tls
# custom:
#   id: ONUS-AZ-034
#   severity: medium
#   category: encryption
#   layer: application
#   targets:
#     - kind: terraform
#       types: [azurerm_app_service, azurerm_linux_web_app, azurerm_windows_web_app]
#     - kind: arm
#       types: ["Microsoft.Web/sites", "Microsoft.Web/sites/slots", "Microsoft.Web/sites/config"]
#   controls:
#     cis-azure: ["9.4"]
#     nist-800-53: ["SC-8", "SC-8(1)", "SC-13"]
#     csa-ccm: ["CEK-03", "CEK-04"]
#   remediation: |
#     Set site_config { minimum_tls_version = "1.2" } on the
#     azurerm_linux_web_app or azurerm_windows_web_app (min_tls_version on
#     azurerm_app_service), or "minTlsVersion": "1.2" in the siteConfig of
#     the ARM Microsoft.Web/sites (or in its config "web" child).
package onus.azure.appservice_min_tls

import data.onus.lib.azure.appservice
import data.onus.lib.azure.facts

deny contains {"msg": sprintf("the app accepts TLS %v", [s.value]), "path": s.path} if {
	s := appservice.min_tls(input.resource)
	not s.unknown
	facts.text(s.value) in appservice.weak_tls
}

deny contains {"msg": "the app's minimum TLS version is unknown until deployment", "path": s.path} if {
	s := appservice.min_tls(input.resource)
	s.unknown
}
