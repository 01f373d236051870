# METADATA
# title: Container runs without AppArmor confinement
# description: |
#   On nodes with AppArmor (Ubuntu, Debian, COS and most managed node images)
#   the container runtime applies its default profile, which denies writes
#   to /proc and /sys, mounts and raw access to kernel interfaces. Setting
#   the profile to unconfined, through securityContext.appArmorProfile or
#   the container.apparmor.security.beta.kubernetes.io annotation, removes
#   that layer. A missing profile is not reported: the default applies.
# related_resources:
#   - ref: https://kubernetes.io/docs/tutorials/security/apparmor/
# custom:
#   id: ONUS-K8S-014
#   severity: high
#   category: workload-isolation
#   layer: operating-system
#   targets:
#     - kind: kubernetes
#       types: ["@workload"]
#   controls:
#     nsa-cisa-kubernetes: ["pod-security/apparmor"]
#     nist-800-53: ["AC-6", "SC-39"]
#   remediation: |
#     Remove the Unconfined profile: leave the runtime default, or set
#     `securityContext.appArmorProfile.type: RuntimeDefault` (or `Localhost`
#     with a profile loaded on the nodes). Drop
#     `container.apparmor.security.beta.kubernetes.io/NAME: unconfined`.
package onus.kubernetes.apparmor

import data.onus.lib.kubernetes as k8s

deny contains {"msg": msg, "path": path} if {
	not k8s.is_windows
	some c in k8s.containers
	k8s.security_value(c, "appArmorProfile").type == "Unconfined"
	msg := sprintf("%s %q runs with AppArmor profile Unconfined", [c.kind, c.name])
	path := concat(".", [k8s.security_path(c, "appArmorProfile"), "type"])
}

deny contains {"msg": msg, "path": path} if {
	not k8s.is_windows
	count(unconfined_annotations) > 0
	some c in k8s.containers
	not k8s.security_value(c, "appArmorProfile")
	key := concat("", ["container.apparmor.security.beta.kubernetes.io/", c.name])
	key in unconfined_annotations
	msg := sprintf("%s %q is annotated AppArmor unconfined", [c.kind, c.name])
	path := k8s.annotation_path(key)
}

unconfined_annotations contains k if {
	some k, v in object.get(k8s.pod.metadata, "annotations", {})
	v == "unconfined"
	startswith(k, "container.apparmor.security.beta.kubernetes.io/")
}
