package onus.kubernetes.windows_host_process_test

import data.onus.kubernetes.windows_host_process as policy

pod(pod_sc, sc) := {"kind": "kubernetes", "type": "Pod", "pod": {
	"path": "spec",
	"spec": {"securityContext": pod_sc},
	"containers": [{"name": "app", "kind": "container", "path": "spec.containers[0]", "container": {"securityContext": sc}}],
}}

test_pod_level if {
	some r in policy.deny with input.resource as pod({"windowsOptions": {"hostProcess": true}}, {})
	r.path == "spec.securityContext.windowsOptions.hostProcess"
}

test_container_level if {
	count(policy.deny) == 1 with input.resource as pod({}, {"windowsOptions": {"hostProcess": true, "runAsUserName": "NT AUTHORITY\\SYSTEM"}})
}

test_run_as_user_name_passes if {
	count(policy.deny) == 0 with input.resource as pod({"windowsOptions": {"runAsUserName": "ContainerUser"}}, {})
}
