package onus.kubernetes.seccomp_test

import data.onus.kubernetes.seccomp as policy

pod(pod_sc, sc, annotations) := {"kind": "kubernetes", "type": "Deployment", "pod": {
	"path": "spec.template.spec",
	"metadata_path": "spec.template.metadata",
	"metadata": {"annotations": annotations},
	"spec": {"securityContext": pod_sc},
	"containers": [{"name": "app", "kind": "container", "path": "spec.template.spec.containers[0]", "container": {"securityContext": sc}}],
}}

test_pod_runtime_default_passes if {
	count(policy.deny) == 0 with input.resource as pod({"seccompProfile": {"type": "RuntimeDefault"}}, {}, {})
}

test_container_localhost_passes if {
	count(policy.deny) == 0 with input.resource as pod({}, {"seccompProfile": {"type": "Localhost", "localhostProfile": "p.json"}}, {})
}

test_unconfined_field_is_high if {
	some r in policy.deny with input.resource as pod({"seccompProfile": {"type": "RuntimeDefault"}}, {"seccompProfile": {"type": "Unconfined"}}, {})
	r.severity == "high"
	r.path == "spec.template.spec.containers[0].securityContext.seccompProfile.type"
}

test_missing_is_medium if {
	some r in policy.deny with input.resource as pod({}, {}, {})
	not r.severity
	r.path == "spec.template.spec.containers[0].securityContext.seccompProfile"
}

test_unconfined_annotation_is_high if {
	some r in policy.deny with input.resource as pod({}, {}, {"container.seccomp.security.alpha.kubernetes.io/app": "unconfined"})
	r.severity == "high"
	r.path == "spec.template.metadata.annotations[\"container.seccomp.security.alpha.kubernetes.io/app\"]"
}

test_deprecated_annotation_is_missing if {
	some r in policy.deny with input.resource as pod({}, {}, {"seccomp.security.alpha.kubernetes.io/pod": "runtime/default"})
	contains(r.msg, "ignored")
	count(policy.deny) == 1 with input.resource as pod({}, {}, {"seccomp.security.alpha.kubernetes.io/pod": "runtime/default"})
}

two(annotations) := {"kind": "kubernetes", "type": "Deployment", "pod": {
	"path": "spec.template.spec",
	"metadata_path": "spec.template.metadata",
	"metadata": {"annotations": annotations},
	"spec": {},
	"containers": [
		{"name": "a", "kind": "container", "path": "spec.template.spec.containers[0]", "container": {"securityContext": {"seccompProfile": {"type": "Unconfined"}}}},
		{"name": "b", "kind": "container", "path": "spec.template.spec.containers[1]", "container": {"securityContext": {"seccompProfile": {"type": null}}}},
		{"name": "c", "kind": "initContainer", "path": "spec.template.spec.initContainers[0]", "container": {"securityContext": {"seccompProfile": {"type": "Localhost"}}}},
	],
}}

test_each_container_on_its_own if {
	results := policy.deny with input.resource as two({})
	results == {
		{"msg": `container "a" runs with seccomp profile Unconfined`, "path": "spec.template.spec.containers[0].securityContext.seccompProfile.type", "severity": "high"},
		{"msg": `container "b" has no seccomp profile, so it runs Unconfined`, "path": "spec.template.spec.containers[1].securityContext.seccompProfile"},
	}
}

test_annotations_of_other_containers_change_nothing if {
	results := policy.deny with input.resource as two({"container.seccomp.security.alpha.kubernetes.io/other": "unconfined"})
	results == {
		{"msg": `container "a" runs with seccomp profile Unconfined`, "path": "spec.template.spec.containers[0].securityContext.seccompProfile.type", "severity": "high"},
		{"msg": `container "b" has no seccomp profile, so it runs Unconfined`, "path": "spec.template.spec.containers[1].securityContext.seccompProfile"},
	}
}

test_pod_annotation_note if {
	results := policy.deny with input.resource as two({"seccomp.security.alpha.kubernetes.io/pod": "runtime/default"})
	some r in results
	r.msg == `container "b" has no seccomp profile (the annotation seccomp.security.alpha.kubernetes.io/pod is ignored by current Kubernetes releases), so it runs Unconfined`
}
