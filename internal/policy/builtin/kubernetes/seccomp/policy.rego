# METADATA
# title: Container runs without a seccomp profile
# description: |
#   Kubernetes runs containers Unconfined unless a seccomp profile is set:
#   every system call of the kernel is reachable, including the rarely used
#   ones most kernel exploits go through. RuntimeDefault blocks them at no
#   cost to ordinary applications. An explicit Unconfined profile (field or
#   annotation) is high; no profile is medium. The seccomp annotations
#   (seccomp.security.alpha.kubernetes.io/pod and
#   container.seccomp.security.alpha.kubernetes.io/NAME) were deprecated in
#   Kubernetes 1.19 and current releases ignore them, so a profile set only
#   that way is reported as missing.
# related_resources:
#   - ref: https://kubernetes.io/docs/tutorials/security/seccomp/
# custom:
#   id: ONUS-K8S-013
#   severity: medium
#   category: workload-isolation
#   layer: operating-system
#   targets:
#     - kind: kubernetes
#       types: ["@workload"]
#   controls:
#     cis-kubernetes: ["5.7.2"]
#     nsa-cisa-kubernetes: ["pod-security/seccomp"]
#     nist-800-53: ["AC-6", "CM-7", "SC-39"]
#   remediation: |
#     Set `securityContext.seccompProfile.type: RuntimeDefault` in the pod
#     spec (it applies to every container), or `Localhost` with a profile
#     installed on the nodes. Replace seccomp annotations with the field.
package onus.kubernetes.seccomp

import data.onus.lib.kubernetes as k8s

pod_annotation := "seccomp.security.alpha.kubernetes.io/pod"

container_annotation(c) := concat("", ["container.seccomp.security.alpha.kubernetes.io/", c.name])

# an explicit Unconfined profile in the field
deny contains {
	"msg": sprintf("%s %q runs with seccomp profile Unconfined", [c.kind, c.name]),
	"path": concat(".", [k8s.security_path(c, "seccompProfile"), "type"]),
	"severity": "high",
} if {
	not k8s.is_windows
	some c in k8s.containers
	profile_type(c) == "Unconfined"
}

# no profile in the field and no seccomp annotation (the usual case)
deny contains {
	"msg": sprintf("%s %q has no seccomp profile, so it runs Unconfined", [c.kind, c.name]),
	"path": k8s.container_security_path(c, "seccompProfile"),
} if {
	not k8s.is_windows
	count(seccomp_annotations) == 0
	some c in k8s.containers
	profile_type(c) == null
}

# no profile in the field: the annotations decide the message
deny contains result if {
	not k8s.is_windows
	count(seccomp_annotations) > 0
	some c in k8s.containers
	profile_type(c) == null
	result := annotated(c)
}

# the effective profile type of the field, or null
profile_type(c) := t if {
	t := k8s.security_value(c, "seccompProfile").type
} else := null

annotated(c) := {
	"msg": sprintf("%s %q is annotated seccomp unconfined (%s)", [c.kind, c.name, key]),
	"path": k8s.annotation_path(key),
	"severity": "high",
} if {
	[key, value] := annotation(c)
	value == "unconfined"
} else := {
	"msg": sprintf("%s %q has no seccomp profile%s, so it runs Unconfined", [c.kind, c.name, annotation_note(c)]),
	"path": k8s.container_security_path(c, "seccompProfile"),
}

# seccomp_annotations holds the pod's seccomp annotations (usually none,
# which spares the per-container lookups)
seccomp_annotations := {k: v |
	some k, v in object.get(k8s.pod.metadata, "annotations", {})
	contains(k, "seccomp.security.alpha.kubernetes.io")
}

annotation(c) := [key, value] if {
	count(seccomp_annotations) > 0
	key := container_annotation(c)
	value := seccomp_annotations[key]
} else := [pod_annotation, value] if {
	value := seccomp_annotations[pod_annotation]
}

annotation_note(c) := sprintf(" (the annotation %s is ignored by current Kubernetes releases)", [annotation(c)[0]])

annotation_note(c) := "" if not annotation(c)
