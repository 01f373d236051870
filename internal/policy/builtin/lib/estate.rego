# METADATA
# title: Estate helpers
# description: |
#   Cross-resource questions answered from data.onus.estate, the document of
#   every resource in the scan: resources by id, ids by kind and type, ids by
#   Kubernetes namespace, and for each resource the ids of the resources that
#   refer to it. Policies that use these are skipped where only one object
#   is known (at admission).
package onus.lib.estate

# resource returns a resource document by id.
resource(id) := data.onus.estate.resources[id]

# of_type returns the resources of a kind and type.
of_type(kind, type) := [data.onus.estate.resources[id] | some id in object.get(data.onus.estate.by_type, [kind, type], [])]

# in_namespace returns the Kubernetes resources of a namespace of one type.
in_namespace(ns, type) := [r |
	some id in object.get(data.onus.estate.by_namespace, ns, [])
	r := data.onus.estate.resources[id]
	r.type == type
]

# referrers returns the resources of a type that refer to the resource id.
referrers(id, type) := [r |
	some rid in object.get(data.onus.estate.referrers, id, [])
	r := data.onus.estate.resources[rid]
	r.type == type
]
