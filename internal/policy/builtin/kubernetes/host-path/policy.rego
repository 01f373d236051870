# METADATA
# title: Pod mounts a hostPath volume
# description: |
#   A hostPath volume puts part of the node's filesystem inside the
#   container. Any hostPath ties the pod to the node and bypasses storage
#   isolation (medium). Sensitive paths are high: /etc, /root, /home, /boot,
#   /dev, /proc, /sys, /lib/modules, /usr, /bin, /sbin and /lib let the
#   container read the node's credentials and configuration or tamper with
#   its kernel interfaces. The node's root (/), the container runtime sockets
#   and state (docker, containerd, CRI-O), /var/lib/kubelet and
#   /etc/kubernetes (or any parent of them, such as /var/run) are critical:
#   they give control of every container on the node and of the kubelet's
#   credentials.
# related_resources:
#   - ref: https://kubernetes.io/docs/concepts/storage/volumes/#hostpath
# custom:
#   id: ONUS-K8S-008
#   severity: medium
#   category: workload-isolation
#   layer: operating-system
#   targets:
#     - kind: kubernetes
#       types: ["@workload"]
#   controls:
#     cis-kubernetes: ["5.2.12"]
#     nsa-cisa-kubernetes: ["pod-security/host-path"]
#     nist-800-53: ["AC-3", "AC-6", "SC-39"]
#   params:
#     allowed: {default: [], description: "host paths that may be mounted (a path allows itself and everything below it), for node agents such as log collectors"}
#   remediation: |
#     Replace the hostPath volume with an emptyDir, a ConfigMap, a Secret or a
#     PersistentVolumeClaim. A node agent that must read the host should mount
#     the narrowest path, read-only, and run in its own namespace.
package onus.kubernetes.host_path

import data.onus.lib.kubernetes as k8s

# critical paths, and every parent of them, give control of the node.
critical := [
	"/var/run/docker.sock", "/run/docker.sock", "/var/lib/docker",
	"/var/run/containerd", "/run/containerd", "/var/lib/containerd",
	"/var/run/crio", "/run/crio", "/var/lib/containers",
	"/var/run/cri-dockerd.sock", "/run/cri-dockerd.sock",
	"/var/lib/kubelet", "/etc/kubernetes",
]

# sensitive paths, and everything below them, expose the node's
# configuration, credentials or kernel interfaces.
sensitive := ["/etc", "/root", "/home", "/boot", "/dev", "/proc", "/sys", "/lib/modules", "/usr", "/bin", "/sbin", "/lib"]

deny contains {"msg": msg, "path": path, "severity": severity} if {
	some i, v in object.get(k8s.pod.spec, "volumes", [])
	raw := v.hostPath.path
	is_string(raw)
	p := clean(raw)
	not allowed(p)
	severity := severity_of(p)
	msg := sprintf("hostPath volume %q mounts the node's %s%s", [object.get(v, "name", ""), p, why[severity]])
	path := k8s.pod_path(sprintf("volumes[%d].hostPath.path", [i]))
}

why := {
	"critical": ": it controls the node's containers or kubelet",
	"high": ", a sensitive part of the node",
	"medium": "",
}

clean(p) := "/" if trim_right(p, "/") == ""

clean(p) := trim_right(p, "/") if trim_right(p, "/") != ""

under(p, base) if p == base

under(p, base) if startswith(p, concat("", [base, "/"]))

allowed(p) if {
	some a in input.params.allowed
	under(p, clean(a))
}

# The checks below are built-in prefix matches over the lists (each entry
# with a trailing "/" for "below it"), rather than a rule call per entry.
critical_set := {c | some c in critical}

critical_below := [concat("", [c, "/"]) | some c in critical]

sensitive_set := {s | some s in sensitive}

sensitive_below := [concat("", [s, "/"]) | some s in sensitive]

is_critical(p) if p == "/"

# p is a critical path
is_critical(p) if p in critical_set

# p is a parent of a critical path
is_critical(p) if strings.any_prefix_match(critical, concat("", [p, "/"]))

# p is below a critical path
is_critical(p) if strings.any_prefix_match(p, critical_below)

is_sensitive(p) if p in sensitive_set

is_sensitive(p) if strings.any_prefix_match(p, sensitive_below)

severity_of(p) := "critical" if {
	is_critical(p)
} else := "high" if {
	is_sensitive(p)
} else := "medium"
