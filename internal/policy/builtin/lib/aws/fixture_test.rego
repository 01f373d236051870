# METADATA
# title: AWS test fixtures
# description: |
#   Builders for the Rego unit tests of the AWS policies: resources shaped
#   the way the Terraform loader shapes them, and the estate document the
#   engine builds from a list of them.
package onus.lib.aws.fixture

import data.onus.lib.estate

# id is the id the loader gives a resource of the root module "m".
id(type, name) := sprintf("m::%s.%s", [type, name])

# tf builds a Terraform resource of the root module "m".
tf(type, name, attrs) := {
	"id": id(type, name),
	"kind": "terraform",
	"provider": "aws",
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

# estate builds data.onus.estate from resources: the shape estate.build
# gives, with the referrers the resources' refs name.
estate(rs) := object.union(estate.build(rs), {"referrers": {target: {r.id | some r in rs; some ids in r.refs; target in ids} |
	some x in rs
	some ids in x.refs
	some target in ids
}})
