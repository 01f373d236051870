package onus.kubernetes.service_sensitive_port_test

import data.onus.kubernetes.service_sensitive_port as policy

params := {"ports": [22, 5432, 6379]}

service(type, ports, extra) := {"kind": "kubernetes", "type": "Service", "name": "db", "attrs": object.union(
	{"metadata": {"name": "db"}, "spec": {"type": type, "ports": ports}},
	extra,
)}

test_load_balancer_postgres if {
	some r in policy.deny with input.resource as service("LoadBalancer", [{"port": 5432}], {}) with input.params as params
	r.path == "spec.ports[0].port"
	contains(r.msg, "PostgreSQL")
}

test_node_port_target_port if {
	some r in policy.deny with input.resource as service("NodePort", [{"port": 80, "targetPort": 6379}], {}) with input.params as params
	r.path == "spec.ports[0].targetPort"
}

test_reported_once_per_port if {
	count(policy.deny) == 1 with input.resource as service("NodePort", [{"port": 5432, "targetPort": 5432}], {}) with input.params as params
}

test_cluster_ip if count(policy.deny) == 0 with input.resource as service("ClusterIP", [{"port": 5432}], {}) with input.params as params

test_internal_load_balancer if {
	internal := {"metadata": {"annotations": {"networking.gke.io/load-balancer-type": "Internal"}}}
	count(policy.deny) == 0 with input.resource as service("LoadBalancer", [{"port": 5432}], internal) with input.params as params
}

test_source_ranges if {
	count(policy.deny) == 0 with input.resource as service("LoadBalancer", [{"port": 22}], {"spec": {"loadBalancerSourceRanges": ["10.0.0.0/8"]}}) with input.params as params
	count(policy.deny) == 1 with input.resource as service("LoadBalancer", [{"port": 22}], {"spec": {"loadBalancerSourceRanges": ["0.0.0.0/0"]}}) with input.params as params
}

test_web_port if count(policy.deny) == 0 with input.resource as service("LoadBalancer", [{"port": 443, "targetPort": "https"}], {}) with input.params as params
