# METADATA
# title: Azure test fixtures
# description: |
#   Builders for the Rego unit tests of the Azure policies: Terraform and
#   ARM resources shaped the way their loaders shape them, and the estate
#   document the engine builds from a list of them.
package onus.lib.azure.fixture

import data.onus.lib.estate

# tf builds a Terraform resource of the root module "m".
tf(type, name, attrs) := {
	"id": sprintf("m::%s.%s", [type, name]),
	"kind": "terraform",
	"provider": "azure",
	"type": type,
	"name": name,
	"address": sprintf("%s.%s", [type, name]),
	"module": "",
	"file": "m/main.tf",
	"labels": {},
	"attrs": attrs,
	"refs": {},
	"unknown": [],
}

# arm builds an ARM resource of the template "t.json".
arm(type, name, attrs) := {
	"id": sprintf("t.json#%s/%s", [type, name]),
	"kind": "arm",
	"provider": "azure",
	"type": type,
	"name": name,
	"address": sprintf("%s/%s", [type, name]),
	"module": "",
	"file": "t.json",
	"labels": {},
	"attrs": attrs,
	"refs": {},
	"unknown": [],
}

# refs sets a resource's references (attribute path → ids).
refs(r, m) := object.union(r, {"refs": m})

# unknown sets a resource's unknown attribute paths.
unknown(r, paths) := object.union(r, {"unknown": paths})

# estate builds data.onus.estate from resources, referrers included.
estate(rs) := estate.build(rs)
