package onus.kubernetes.host_path_test

import data.onus.kubernetes.host_path as policy

pod(p) := {"kind": "kubernetes", "type": "Pod", "pod": {
	"path": "spec",
	"spec": {"volumes": [{"name": "cfg", "configMap": {"name": "x"}}, {"name": "host", "hostPath": {"path": p}}]},
	"containers": [],
}}

severity(p) := r.severity if {
	some r in policy.deny with input.resource as pod(p)
}

test_docker_socket_is_critical if severity("/var/run/docker.sock") == "critical"

test_parent_of_socket_is_critical if severity("/var/run/") == "critical"

test_root_is_critical if severity("/") == "critical"

test_kubelet_state_is_critical if severity("/var/lib/kubelet/pods") == "critical"

test_etc_is_high if severity("/etc/ssl") == "high"

test_proc_is_high if severity("/proc") == "high"

test_other_is_medium if severity("/var/log") == "medium"

test_path_points_at_volume if {
	some r in policy.deny with input.resource as pod("/data")
	r.path == "spec.volumes[1].hostPath.path"
}

test_allowed_parameter if {
	count(policy.deny) == 0 with input.resource as pod("/var/log/pods") with input.params.allowed as ["/var/log/"]
}

test_allowed_is_not_a_string_prefix if {
	count(policy.deny) == 1 with input.resource as pod("/var/logs") with input.params.allowed as ["/var/log"]
}

test_boundaries_are_whole_path_steps if {
	severity("/var") == "critical" # a parent of the container runtime's state
	severity("/run/containerd/containerd.sock") == "critical"
	severity("/var/lib/kubeletx") == "medium"
	severity("/var/lib/kube") == "medium"
	severity("/etcetera") == "medium"
	severity("/etc") == "critical" # a parent of /etc/kubernetes
	severity("/usr/local/bin") == "high"
	severity("/libx") == "medium"
	severity("/var/lib/docker/") == "critical" # cleaned of its trailing slash
}
