# METADATA
# title: Azure setting facts
# description: |
#   One setting of a resource whose attribute path depends on the format
#   (Terraform snake_case arguments, ARM camelCase properties), read with the
#   provider's or platform's default and with whether its value is known.
#   A policy that judges a setting reports its path: an unknown value then
#   leaves the result undetermined, whatever the default would have said.
package onus.lib.azure.facts

import data.onus.lib.azure as az

# of reads a setting: paths maps a kind to the attribute path
# ({"terraform": "min_tls_version", "arm": "minimumTlsVersion"}). It returns
# {"value" (def when unset or unknown), "path", "unknown"}; undefined for a
# kind paths does not list.
of(r, paths, def) := at(r, p, def) if {
	p := paths[r.kind]
}

# at reads a setting at one path, whatever the kind. A null value (an
# argument set to null in Terraform, a null property in ARM) is unset: it
# takes the default.
at(r, p, def) := {"value": or_default(az.get(r, p, def), def), "path": p, "unknown": az.unknown(r, p)}

or_default(v, def) := def if v == null

or_default(v, _) := v if v != null

# api_version is the apiVersion an ARM resource is deployed with ("" when
# unset or unknown).
api_version(r) := v if {
	v := object.get(r.attrs, ["_resource", "apiVersion"], "")
	is_string(v)
} else := ""

# api_before holds when an ARM resource is deployed with an API version
# older than v ("2019-04-01"); versions compare as dates, preview suffixes
# included.
api_before(r, v) if {
	a := api_version(r)
	a != ""
	a < v
}

# text lower-cases a string value, for case-insensitive comparisons; other
# values are returned as they are.
text(v) := lower(v) if is_string(v)

text(v) := v if not is_string(v)
