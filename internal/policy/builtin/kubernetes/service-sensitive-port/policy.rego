# METADATA
# title: Service exposes a database or administration port outside the cluster
# description: |
#   A Service of type LoadBalancer or NodePort publishes its ports beyond the
#   cluster: on a cloud load balancer, usually with a public address, or on
#   every node's address. Databases, caches, message brokers, remote shells
#   and administration interfaces (PostgreSQL, MySQL, Redis, MongoDB,
#   Elasticsearch, etcd, the kubelet, SSH, RDP…) should never be reachable
#   that way; the Microsoft 2019 support-database exposure began with such a
#   port. The port (or a numeric targetPort) is matched against the ports
#   parameter. Internal load balancers (the AWS, Azure, Google and Oracle
#   internal annotations) and load balancers restricted by
#   loadBalancerSourceRanges are not reported.
# related_resources:
#   - ref: https://kubernetes.io/docs/concepts/services-networking/service/#publishing-services-service-types
# custom:
#   id: ONUS-K8S-039
#   severity: high
#   category: network-exposure
#   layer: network
#   targets:
#     - kind: kubernetes
#       types: ["Service"]
#   controls:
#     nsa-cisa-kubernetes: ["network-separation/network-policies"]
#     nist-800-53: ["CM-7", "SC-7"]
#   params:
#     ports:
#       default: [22, 23, 1433, 1521, 2375, 2376, 2379, 2380, 3306, 3389, 5432, 5601, 5672, 5900, 5984, 6379, 7000, 7001, 8086, 8500, 9042, 9092, 9200, 9300, 10250, 10255, 11211, 15672, 27017]
#       description: ports that must not be published outside the cluster
#   remediation: |
#     Make the Service `type: ClusterIP` and reach it from inside the cluster.
#     If something outside must connect, use an internal load balancer
#     annotation and `loadBalancerSourceRanges`, or a private endpoint.
package onus.kubernetes.service_sensitive_port

names := {
	22: "SSH", 23: "Telnet", 1433: "SQL Server", 1521: "Oracle", 2375: "the Docker API", 2376: "the Docker API",
	2379: "etcd", 2380: "etcd peers", 3306: "MySQL", 3389: "RDP", 5432: "PostgreSQL", 5601: "Kibana",
	5672: "AMQP", 5900: "VNC", 5984: "CouchDB", 6379: "Redis", 7000: "Cassandra", 7001: "Cassandra",
	8086: "InfluxDB", 8500: "Consul", 9042: "Cassandra CQL", 9092: "Kafka", 9200: "Elasticsearch",
	9300: "Elasticsearch transport", 10250: "the kubelet API", 10255: "the kubelet read-only API",
	11211: "Memcached", 15672: "RabbitMQ management", 27017: "MongoDB",
}

internal_annotations := {
	"service.beta.kubernetes.io/aws-load-balancer-internal": {"true", "0.0.0.0/0"},
	"service.beta.kubernetes.io/aws-load-balancer-scheme": {"internal"},
	"service.beta.kubernetes.io/azure-load-balancer-internal": {"true"},
	"networking.gke.io/load-balancer-type": {"Internal"},
	"cloud.google.com/load-balancer-type": {"Internal"},
	"service.beta.kubernetes.io/oci-load-balancer-internal": {"true"},
}

spec := input.resource.attrs.spec

deny contains {"msg": msg, "path": path} if {
	spec.type in {"LoadBalancer", "NodePort"}
	not restricted
	some i, p in spec.ports
	some field in ["port", "targetPort"]
	number := p[field]
	is_number(number)
	number in {x | some x in input.params.ports}
	not earlier_field(p, field)
	msg := sprintf("Service %q publishes port %v (%s) through a %s", [input.resource.name, number, object.get(names, number, "a sensitive service"), spec.type])
	path := sprintf("spec.ports[%d].%s", [i, field])
}

# report each port entry once, at port when both port and targetPort match
earlier_field(p, "targetPort") if p.port in {x | some x in input.params.ports}

restricted if {
	spec.type == "LoadBalancer"
	some key, values in internal_annotations
	input.resource.attrs.metadata.annotations[key] in values
}

restricted if {
	spec.type == "LoadBalancer"
	ranges := object.get(spec, "loadBalancerSourceRanges", [])
	count(ranges) > 0
	every r in ranges {
		not r in {"0.0.0.0/0", "::/0"}
	}
}
