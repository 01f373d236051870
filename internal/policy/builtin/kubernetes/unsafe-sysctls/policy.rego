# METADATA
# title: Pod sets unsafe sysctls
# description: |
#   Only a few kernel parameters are namespaced and safe to set per pod (the
#   Pod Security Standards' baseline list: kernel.shm_rmid_forced, the
#   net.ipv4 local port range, unprivileged port start, ping group range,
#   reserved ports, tcp_syncookies and the TCP keepalive and fin timeouts).
#   Any other sysctl can affect every pod on the node, or disable kernel
#   protections, and needs the kubelet's --allowed-unsafe-sysctls.
# related_resources:
#   - ref: https://kubernetes.io/docs/tasks/administer-cluster/sysctl-cluster/
# custom:
#   id: ONUS-K8S-016
#   severity: high
#   category: workload-isolation
#   layer: operating-system
#   targets:
#     - kind: kubernetes
#       types: ["@workload"]
#   controls:
#     nsa-cisa-kubernetes: ["pod-security/hardened-environment"]
#     nist-800-53: ["CM-7", "SC-39"]
#   params:
#     allowed: {default: [], description: "sysctls allowed besides the safe set (those the nodes' kubelets allow)"}
#   remediation: |
#     Remove the sysctl from `securityContext.sysctls`. Tune node-wide kernel
#     parameters on the node pool, not from a pod.
package onus.kubernetes.unsafe_sysctls

import data.onus.lib.kubernetes as k8s

safe := {
	"kernel.shm_rmid_forced",
	"net.ipv4.ip_local_port_range",
	"net.ipv4.ip_unprivileged_port_start",
	"net.ipv4.tcp_syncookies",
	"net.ipv4.ping_group_range",
	"net.ipv4.ip_local_reserved_ports",
	"net.ipv4.tcp_keepalive_time",
	"net.ipv4.tcp_fin_timeout",
	"net.ipv4.tcp_keepalive_intvl",
	"net.ipv4.tcp_keepalive_probes",
}

deny contains {"msg": msg, "path": path} if {
	some i, s in k8s.pod.spec.securityContext.sysctls
	name := replace(s.name, "/", ".")
	not name in safe
	not name in {replace(a, "/", ".") | some a in input.params.allowed}
	msg := sprintf("the pod sets the unsafe sysctl %s", [s.name])
	path := k8s.pod_path(sprintf("securityContext.sysctls[%d].name", [i]))
}
