# METADATA
# title: Port names and ranges
# description: |
#   The administration and service ports the network exposure policies of
#   every cloud pack look for, their names for messages, and port range
#   arithmetic on "N", "A-B" and "*" specifications (Azure network security
#   rules, Google Cloud firewall rules).
package onus.lib.ports

# admin_ports are the remote administration ports: SSH and RDP.
admin_ports := [22, 3389]

# service_ports are database, cache, search, container and cluster
# management ports that should never face the internet.
service_ports := [
	23, 135, 139, 445, 1433, 1434, 1521, 2375, 2376, 2379, 2380, 3306, 5432, 5601, 5984, 5985, 5986,
	6379, 7000, 7001, 9042, 9160, 9200, 9300, 10250, 11211, 27017, 27018, 27019,
]

names := {
	22: "SSH", 23: "Telnet", 135: "MS RPC", 139: "NetBIOS", 445: "SMB", 1433: "SQL Server",
	1434: "SQL Server browser", 1521: "Oracle", 2375: "Docker API", 2376: "Docker API (TLS)",
	2379: "etcd", 2380: "etcd peer", 3306: "MySQL", 3389: "RDP", 5432: "PostgreSQL",
	5601: "Kibana", 5984: "CouchDB", 5985: "WinRM", 5986: "WinRM (TLS)", 6379: "Redis",
	7000: "Cassandra", 7001: "Cassandra (TLS)", 9042: "Cassandra CQL", 9160: "Cassandra Thrift",
	9200: "Elasticsearch", 9300: "Elasticsearch transport", 10250: "kubelet", 11211: "Memcached",
	27017: "MongoDB", 27018: "MongoDB shard", 27019: "MongoDB config",
}

# name describes a port: "SSH (22)", or the number alone.
name(p) := sprintf("%s (%d)", [names[p], p]) if names[p]

name(p) := sprintf("port %d", [p]) if not names[p]

# describe names up to four ports and counts the rest.
describe(ports) := concat(", ", [name(p) | some p in ports]) if count(ports) <= 4

describe(ports) := sprintf("%s and %d more", [concat(", ", [name(p) | some p in array.slice(ports, 0, 3)]), count(ports) - 3]) if count(ports) > 4

# parse parses a port specification: "22", "1000-4000", "*" (every
# port) into {"from", "to"}; anything else (a service tag, a typo) is
# not a range.
parse(s) := {"from": 0, "to": 65535} if s == "*"

parse(s) := {"from": to_number(s), "to": to_number(s)} if {
	is_string(s)
	regex.match(`^\s*[0-9]+\s*$`, s)
}

parse(s) := {"from": to_number(trim_space(parts[0])), "to": to_number(trim_space(parts[1]))} if {
	is_string(s)
	regex.match(`^\s*[0-9]+\s*-\s*[0-9]+\s*$`, s)
	parts := split(s, "-")
}

parse(s) := {"from": s, "to": s} if is_number(s)

# covered returns the ports of a list that a set of ranges includes, sorted.
covered(ranges, ports) := sort([p | some p in ports; some x in ranges; x.from <= p; p <= x.to])

# everything holds when a range covers every port.
everything(ranges) if {
	some x in ranges
	x.from <= 1
	x.to >= 65535
}

# text describes port ranges: "ports 1000-4000, 22".
text(ranges) := "all ports" if everything(ranges)

text(ranges) := concat(", ", [one(x) | some x in ranges]) if not everything(ranges)

one(x) := sprintf("port %d", [x.from]) if x.from == x.to

one(x) := sprintf("ports %d-%d", [x.from, x.to]) if x.from != x.to
