package onus.kubernetes.host_port_test

import data.onus.kubernetes.host_port as policy

pod(ports) := {"kind": "kubernetes", "type": "Pod", "pod": {
	"path": "spec",
	"spec": {},
	"containers": [{"name": "app", "kind": "container", "path": "spec.containers[0]", "container": {"ports": ports}}],
}}

test_host_port if {
	some r in policy.deny with input.resource as pod([{"containerPort": 80}, {"containerPort": 443, "hostPort": 443}])
	r.path == "spec.containers[0].ports[1].hostPort"
}

test_container_port_only if {
	count(policy.deny) == 0 with input.resource as pod([{"containerPort": 8080}])
}

test_allowed if {
	count(policy.deny) == 0 with input.resource as pod([{"containerPort": 53, "hostPort": 53}]) with input.params.allowed as [53]
}
