# METADATA
# title: Google Cloud test fixtures
# description: |
#   Builders for the Rego unit tests of the Google Cloud policies: resources
#   shaped the way the Terraform loader shapes them, and the estate document
#   the engine builds from a list of them.
package onus.lib.gcp.fixture

import data.onus.lib.estate

# id is the id the loader gives a resource of the root module "m".
id(type, name) := sprintf("m::%s.%s", [type, name])

# tf builds a Terraform resource of the root module "m".
tf(type, name, attrs) := {
	"id": id(type, name),
	"kind": "terraform",
	"provider": "google",
	"type": type,
	"name": name,
	"address": sprintf("%s.%s", [type, name]),
	"module": "",
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
