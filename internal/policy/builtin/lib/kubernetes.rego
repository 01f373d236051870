# METADATA
# title: Kubernetes helpers
# description: |
#   Shared helpers for Kubernetes policies. Every workload kind (Pod, Deployment,
#   StatefulSet, DaemonSet, ReplicaSet, ReplicationController, Job, CronJob,
#   PodTemplate) presents its pod spec under input.resource.pod, so one rule
#   covers them all.
#
#   The helpers are written for speed, since every policy runs on every
#   workload of an estate: collections are arrays (no set hashing), and
#   paths and messages are built only once a rule has found a problem.
package onus.lib.kubernetes

# pod is the uniform pod view: {path, spec, metadata_path, metadata, containers}.
pod := input.resource.pod

# is_workload holds for resources that carry a pod spec.
is_workload if input.resource.pod

# containers holds every container of the pod, init and ephemeral included:
# {"name", "kind" (container | initContainer | ephemeralContainer), "path", "container"}.
containers := input.resource.pod.containers

# regular_containers leaves out init and ephemeral containers.
regular_containers := [c | some c in input.resource.pod.containers; c.kind == "container"]

# declared_containers are the containers that may declare resources, ports
# and a read-only root filesystem: regular and init containers. Ephemeral
# (debug) containers may declare none of these.
declared_containers := [c | some c in input.resource.pod.containers; c.kind != "ephemeralContainer"]

# path_of joins a base path and a relative path.
path_of(base, rel) := concat(".", [base, rel])

# pod_path is a path inside the pod spec.
pod_path(rel) := concat(".", [input.resource.pod.path, rel])

# annotation_path is the path of a pod template annotation.
annotation_path(key) := sprintf("%s.annotations[%q]", [input.resource.pod.metadata_path, key])

# security_value is a container's effective securityContext field: the
# container's own value, else the pod's (the pod securityContext applies to
# every container). Undefined when neither sets it.
security_value(c, field) := v if {
	v := c.container.securityContext[field]
} else := v if {
	v := input.resource.pod.spec.securityContext[field]
}

# container_security_value is security_value (kept for existing policies).
container_security_value(c, field) := security_value(c, field)

# security_level says where the effective field is written: "container",
# "pod", or undefined.
security_level(c, field) := "container" if {
	_ = c.container.securityContext[field]
} else := "pod" if {
	_ = input.resource.pod.spec.securityContext[field]
}

# security_path is where a container's effective securityContext field is
# written, or, when neither the container nor the pod sets it, where the
# container's setting belongs.
security_path(c, field) := concat(".", [input.resource.pod.path, "securityContext", field]) if {
	security_level(c, field) == "pod"
} else := concat(".", [c.path, "securityContext", field])

# security_setting is {"value", "path", "level"} of a container's effective
# securityContext field; undefined when neither the container nor the pod
# sets it.
security_setting(c, field) := {"value": v, "path": security_path(c, field), "level": security_level(c, field)} if {
	v := security_value(c, field)
}

# container_security_path is where a missing container setting belongs.
container_security_path(c, field) := concat(".", [c.path, "securityContext", field])

# has_key holds when obj has key k (whatever its value, false included).
has_key(obj, k) if _ = obj[k]

# is_windows holds for pods that declare the Windows operating system;
# Linux-only settings (seccomp, capabilities, allowPrivilegeEscalation,
# procMount, sysctls, SELinux, AppArmor) do not apply to them.
is_windows if input.resource.pod.spec.os.name == "windows"

# namespace is the object's namespace; an object without one lands in the
# namespace of the kubectl context, which is usually "default".
namespace := ns if {
	ns := input.resource.namespace
	ns != ""
} else := "default"

# pod_labels are the labels of the pods a workload creates.
pod_labels := object.get(input.resource.pod.metadata, "labels", {})

# selects holds when a label selector ({matchLabels, matchExpressions})
# selects a set of labels. The empty selector selects everything. Label
# values are compared as written (Kubernetes requires strings).
selects(selector, labels) if {
	is_object(selector)
	object.subset(labels, object.get(selector, "matchLabels", {}))
	every e in object.get(selector, "matchExpressions", []) {
		expression_matches(e, labels)
	}
}

label_string(v) := v if is_string(v)

label_string(v) := sprintf("%v", [v]) if not is_string(v)

expression_matches(e, labels) if {
	e.operator == "In"
	has_key(labels, e.key)
	label_string(labels[e.key]) in {label_string(x) | some x in object.get(e, "values", [])}
}

expression_matches(e, labels) if {
	e.operator == "NotIn"
	not label_string(object.get(labels, e.key, null)) in {label_string(x) | some x in object.get(e, "values", [])}
}

expression_matches(e, labels) if {
	e.operator == "Exists"
	has_key(labels, e.key)
}

expression_matches(e, labels) if {
	e.operator == "DoesNotExist"
	not has_key(labels, e.key)
}

# Image references ---------------------------------------------------------

# image_mutable holds for a reference that names no fixed build: no digest,
# and no tag or the tag latest ("nginx", "registry:5000/api",
# "ghcr.io/acme/api:latest").
image_mutable(image) if regex.match(`^([^@]*/)?[^/@:]+(:latest)?$`, image)

# image_pinned_by_digest holds for references with a sha256 digest.
image_pinned_by_digest(image) if contains(image, "@sha256:")

# image_ref splits an image reference into
# {"registry", "repository", "tag", "digest"}; the registry defaults to
# docker.io and one-part Docker Hub names to library/NAME, as the runtime
# resolves them. tag and digest are "" when absent.
image_ref(image) := {"registry": registry, "repository": repository, "tag": tag, "digest": digest} if {
	[name_tag, digest] := split_digest(image)
	[name, tag] := split_tag(name_tag)
	parts := split(name, "/")
	[registry, repository] := split_registry(parts)
}

split_digest(image) := [split(image, "@")[0], split(image, "@")[1]] if contains(image, "@")

split_digest(image) := [image, ""] if not contains(image, "@")

split_tag(s) := [substring(s, 0, i), substring(s, i + 1, -1)] if {
	i := indexof_last(s, ":")
	i > indexof_last(s, "/")
}

split_tag(s) := [s, ""] if {
	i := indexof_last(s, ":")
	i <= indexof_last(s, "/")
}

indexof_last(s, c) := count(s) - 1 - indexof(strings.reverse(s), c) if contains(s, c)

indexof_last(s, c) := -1 if not contains(s, c)

split_registry(parts) := [parts[0], concat("/", array.slice(parts, 1, count(parts)))] if {
	count(parts) > 1
	is_registry_host(parts[0])
}

split_registry(parts) := ["docker.io", concat("/", ["library", parts[0]])] if count(parts) == 1

split_registry(parts) := ["docker.io", concat("/", parts)] if {
	count(parts) > 1
	not is_registry_host(parts[0])
}

is_registry_host(h) if contains(h, ".")

is_registry_host(h) if contains(h, ":")

is_registry_host("localhost")

# image_tag returns the tag of an image reference (undefined without one).
image_tag(image) := tag if {
	tag := image_ref(image).tag
	tag != ""
}

# RBAC ----------------------------------------------------------------------

# rules are a Role's or ClusterRole's rules: {"rule", "index"}. Policies
# build the path ("rules[2].verbs") only for the rules they report.
rules := [{"rule": r, "index": i} |
	some i, r in object.get(input.resource.attrs, "rules", [])
	is_object(r)
]

# rule_list returns a rule field as a list (a scalar counts as a
# one-element list, a missing field as an empty one).
rule_list(rule, field) := x if {
	x := rule[field]
	is_array(x)
} else := [x] if {
	x := rule[field]
	is_string(x)
} else := []

# grants holds when a rule names one of verbs on one of resources of an
# API group ("" is the core group). Verbs and resources match exactly, so
# callers decide whether "*" counts; apiGroups "*" matches every group.
grants(rule, group, verbs, resources) if {
	some r in rule_list(rule, "resources")
	r in resources
	some v in rule_list(rule, "verbs")
	v in verbs
	some g in rule_list(rule, "apiGroups")
	g in {group, "*"}
}

# role_label names the input for messages: Role "x" or ClusterRole "x".
role_label := sprintf("%s %q", [input.resource.type, input.resource.name])
