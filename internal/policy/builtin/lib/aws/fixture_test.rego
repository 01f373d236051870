# METADATA
# title: AWS test fixtures
# description: |
#   Builders for the Rego unit tests of the AWS policies: resources shaped
#   the way the Terraform and CloudFormation loaders shape them, and the
#   estate document the engine builds from a list of them.
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

# cfn_id is the id the loader gives a resource of the template "t.yaml".
cfn_id(name) := sprintf("t.yaml#%s", [name])

# cfn builds a CloudFormation resource of the template "t.yaml": props
# are its evaluated Properties.
cfn(type, name, props) := {
	"id": cfn_id(name),
	"kind": "cloudformation",
	"provider": "aws",
	"type": type,
	"name": name,
	"address": name,
	"module": "",
	"labels": {},
	"attrs": props,
	"refs": {},
	"unknown": [],
}

# refs sets a resource's references (attribute path → ids).
refs(r, m) := object.union(r, {"refs": m})

# unknown sets a resource's unknown attribute paths.
unknown(r, paths) := object.union(r, {"unknown": paths})

# estate builds data.onus.estate from resources, referrers included.
estate(rs) := estate.build(rs)
