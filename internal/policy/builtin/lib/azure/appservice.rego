# METADATA
# title: Azure App Service facts
# description: |
#   Web app settings, per format: azurerm_linux_web_app,
#   azurerm_windows_web_app and the older azurerm_app_service for
#   Terraform; Microsoft.Web/sites and .../slots for ARM, whose site
#   configuration is written either in properties.siteConfig or in a
#   Microsoft.Web/sites/config child named "web" (which then wins). Each fact
#   is {"value", "path", "unknown"} with the default of the current azurerm
#   major (4.x) for Terraform and the platform default for ARM.
package onus.lib.azure.appservice

import data.onus.lib.azure as az
import data.onus.lib.azure.facts

web_apps := {"azurerm_linux_web_app", "azurerm_windows_web_app"}

tf_types := web_apps | {"azurerm_app_service"}

arm_sites := {"Microsoft.Web/sites", "Microsoft.Web/sites/slots"}

arm_config := "Microsoft.Web/sites/config"

set(r, p) if az.configured(r, p)

set(r, p) if az.unknown(r, p)

# https_only: are plain HTTP requests redirected to HTTPS? azurerm:
# https_only, default false. ARM: httpsOnly, default false.
https_only(r) := facts.at(r, "https_only", false) if r.type in tf_types

https_only(r) := facts.at(r, "httpsOnly", false) if r.type in arm_sites

# min_tls: the oldest TLS version the app accepts. azurerm 3.x and 4.x:
# site_config.minimum_tls_version (min_tls_version for azurerm_app_service),
# default 1.2. ARM: siteConfig.minTlsVersion, default 1.2 for new apps.
min_tls(r) := facts.at(r, "site_config[0].minimum_tls_version", "1.2") if r.type in web_apps

min_tls(r) := facts.at(r, "site_config[0].min_tls_version", "1.2") if r.type == "azurerm_app_service"

min_tls(r) := site_setting(r, "minTlsVersion", "1.2")

weak_tls := {"1.0", "1.1"}

# ftps_state: whether FTP deployment is allowed (AllAllowed: plain FTP
# too; FtpsOnly; Disabled). azurerm 3.x and 4.x web apps:
# site_config.ftps_state, default Disabled. azurerm_app_service leaves it
# to the platform, and ARM's siteConfig.ftpsState defaults to AllAllowed.
ftps_state(r) := facts.at(r, "site_config[0].ftps_state", "Disabled") if r.type in web_apps

ftps_state(r) := facts.at(r, "site_config[0].ftps_state", "AllAllowed") if r.type == "azurerm_app_service"

ftps_state(r) := site_setting(r, "ftpsState", "AllAllowed")

# site_setting reads an ARM site configuration property: from the site's
# siteConfig unless a "web" config child sets it, or from that child.
site_setting(r, prop, def) := facts.at(r, concat(".", ["siteConfig", prop]), def) if {
	r.type in arm_sites
	not child_sets(r, prop)
}

site_setting(r, prop, def) := facts.at(r, prop, def) if {
	web_config(r)
	set(r, prop)
}

# web_config holds for the Microsoft.Web/sites/config resource that holds a
# site's configuration ("<site>/web").
web_config(r) if {
	r.type == arm_config
	endswith(r.name, "/web")
}

child_sets(r, prop) if {
	some x in az.children(r, arm_config)
	web_config(x)
	set(x, prop)
}

# remote_debugging: is Visual Studio remote debugging on? azurerm:
# site_config.remote_debugging_enabled, default false. ARM:
# siteConfig.remoteDebuggingEnabled (or the "web" config child), default
# false.
remote_debugging(r) := facts.at(r, "site_config[0].remote_debugging_enabled", false) if r.type in tf_types

remote_debugging(r) := site_setting(r, "remoteDebuggingEnabled", false)
