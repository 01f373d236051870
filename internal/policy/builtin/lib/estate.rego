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
of_type(kind, type) := rs if {
	rs := data.onus.estate.index.type[kind][type]
} else := []

# in_namespace returns the Kubernetes resources of a namespace of one type.
in_namespace(ns, type) := rs if {
	rs := data.onus.estate.index.namespace_type[ns][type]
} else := []

# named returns the resource of a type and name in namespace ns (the first
# one when the scan holds several); objects that name no namespace count as
# "default".
named(ns, type, name) := r if {
	r := data.onus.estate.index.name[ns][type][name]
} else := r if {
	ns == "default"
	r := data.onus.estate.index.name[""][type][name]
}

# selecting returns the resources of a type in namespace ns (objects that
# name no namespace count as "default") whose label selector may select
# pods with these labels: those that require one of the labels, and those
# that require none. A Kubernetes loader presents the selector of
# NetworkPolicies (spec.podSelector), PodDisruptionBudgets and Services as
# input.resource.selector; check each candidate with
# data.onus.lib.kubernetes.selects(r.selector, labels).
selecting(ns, type, labels) := [r |
	some n in effective_namespaces(ns)
	some key in selector_keys(labels)
	some r in object.get(data.onus.estate.index.selector, [n, type, key], [])
]

selector_keys(labels) := array.concat([""], [concat("=", [k, v]) | some k, v in labels; is_string(v)])

effective_namespaces(ns) := [ns] if ns != "default"

effective_namespaces("default") := ["default", ""]

# referrers returns the resources of a type that refer to the resource id.
referrers(id, type) := [r |
	some rid in object.get(data.onus.estate.referrers, id, [])
	r := data.onus.estate.resources[rid]
	r.type == type
]

# in_effective_namespace returns the Kubernetes resources of a type in
# namespace ns, counting objects that name no namespace as "default" (where
# kubectl puts them unless told otherwise).
in_effective_namespace(ns, type) := in_namespace(ns, type) if ns != "default"

in_effective_namespace("default", type) := array.concat(in_namespace("default", type), in_namespace("", type))

# build returns the estate document of a list of resources, in the shape
# the engine gives data.onus.estate, for policy tests:
#
#   deny with data.onus.estate as estate.build([np, sa])
#
# A resource's kind defaults to "kubernetes", its namespace to "" and its id
# to "r" followed by its index in the list. Referrers come from each
# resource's refs (attribute path → ids it refers to).
build(resources) := {
	"resources": {built_id(r, i): object.union(r, {"id": built_id(r, i)}) | some i, r in resources},
	"by_type": {k: {t: [built_id(r, i) | some i, r in resources; built_kind(r) == k; r.type == t] |
		some r in resources
		built_kind(r) == k
		t := r.type
	} |
		some r in resources
		k := built_kind(r)
	},
	"by_namespace": {ns: [built_id(r, i) | some i, r in resources; namespaced(r); built_ns(r) == ns] |
		some r in resources
		namespaced(r)
		ns := built_ns(r)
	},
	"by_namespace_type": {ns: {t: [built_id(r, i) | some i, r in resources; namespaced(r); built_ns(r) == ns; r.type == t] |
		some r in resources
		namespaced(r)
		built_ns(r) == ns
		t := r.type
	} |
		some r in resources
		namespaced(r)
		ns := built_ns(r)
	},
	"referrers": {target: {built_id(r, i) | some i, r in resources; some ids in object.get(r, "refs", {}); target in ids} |
		some x in resources
		some ids in object.get(x, "refs", {})
		some target in ids
	},
	"index": {
		"type": {k: {t: [object.union(r, {"id": built_id(r, i)}) | some i, r in resources; built_kind(r) == k; r.type == t] |
			some r in resources
			built_kind(r) == k
			t := r.type
		} |
			some r in resources
			k := built_kind(r)
		},
		"namespace_type": {ns: {t: [object.union(r, {"id": built_id(r, i)}) | some i, r in resources; namespaced(r); built_ns(r) == ns; r.type == t] |
			some r in resources
			namespaced(r)
			built_ns(r) == ns
			t := r.type
		} |
			some r in resources
			namespaced(r)
			ns := built_ns(r)
		},
		"selector": {ns: {t: {key: [object.union(r, {"id": built_id(r, i)}) |
			some i, r in resources
			namespaced(r)
			built_ns(r) == ns
			r.type == t
			key in built_selector_keys(r)
		] |
			some r in resources
			namespaced(r)
			built_ns(r) == ns
			r.type == t
			some key in built_selector_keys(r)
		} |
			some r in resources
			namespaced(r)
			built_ns(r) == ns
			r.selector
			t := r.type
		} |
			some r in resources
			namespaced(r)
			r.selector
			ns := built_ns(r)
		},
		"name": {ns: {t: {name: object.union(r, {"id": built_id(r, i)}) |
			some i, r in resources
			namespaced(r)
			built_ns(r) == ns
			r.type == t
			name := r.name
		} |
			some r in resources
			namespaced(r)
			built_ns(r) == ns
			t := r.type
		} |
			some r in resources
			namespaced(r)
			ns := built_ns(r)
		},
	},
}

built_id(r, i) := object.get(r, "id", sprintf("r%d", [i]))

built_kind(r) := object.get(r, "kind", "kubernetes")

built_ns(r) := object.get(r, "namespace", "")

# namespaced resources are indexed by namespace: Kubernetes objects (""
# when unset) and resources of other kinds that name one.
namespaced(r) if built_kind(r) == "kubernetes"

namespaced(r) if built_ns(r) != ""

built_selector_keys(r) := keys if {
	pairs := [concat("=", [k, v]) | some k, v in object.get(r.selector, "matchLabels", {}); is_string(v)]
	count(pairs) > 0
	count(pairs) == count(object.get(r.selector, "matchLabels", {}))
	keys := pairs
} else := [""]
