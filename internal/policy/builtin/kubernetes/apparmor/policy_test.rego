package onus.kubernetes.apparmor_test

import data.onus.kubernetes.apparmor as policy

pod(pod_sc, sc, annotations) := {"kind": "kubernetes", "type": "Pod", "pod": {
	"path": "spec",
	"metadata_path": "metadata",
	"metadata": {"annotations": annotations},
	"spec": {"securityContext": pod_sc},
	"containers": [{"name": "app", "kind": "container", "path": "spec.containers[0]", "container": {"securityContext": sc}}],
}}

test_pod_unconfined if {
	some r in policy.deny with input.resource as pod({"appArmorProfile": {"type": "Unconfined"}}, {}, {})
	r.path == "spec.securityContext.appArmorProfile.type"
}

test_container_overrides_pod if {
	count(policy.deny) == 0 with input.resource as pod({"appArmorProfile": {"type": "Unconfined"}}, {"appArmorProfile": {"type": "RuntimeDefault"}}, {})
}

test_annotation_unconfined if {
	some r in policy.deny with input.resource as pod({}, {}, {"container.apparmor.security.beta.kubernetes.io/app": "unconfined"})
	r.path == "metadata.annotations[\"container.apparmor.security.beta.kubernetes.io/app\"]"
}

test_default_passes if {
	count(policy.deny) == 0 with input.resource as pod({}, {}, {"container.apparmor.security.beta.kubernetes.io/app": "runtime/default"})
}
