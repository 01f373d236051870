# METADATA
# title: Kubernetes helpers
# description: |
#   Shared helpers for Kubernetes policies. Every workload kind (Pod, Deployment,
#   StatefulSet, DaemonSet, ReplicaSet, ReplicationController, Job, CronJob,
#   PodTemplate) presents its pod spec under input.resource.pod, so one rule
#   covers them all.
package onus.lib.kubernetes

# pod is the uniform pod view: {path, spec, metadata_path, metadata, containers}.
pod := input.resource.pod

# is_workload holds for resources that carry a pod spec.
is_workload if input.resource.pod

# containers holds every container of the pod, init and ephemeral included:
# {"name", "kind" (container | initContainer | ephemeralContainer), "path", "container"}.
containers contains c if some c in input.resource.pod.containers

# regular_containers leaves out init and ephemeral containers.
regular_containers contains c if {
	some c in input.resource.pod.containers
	c.kind == "container"
}

# path_of joins a base path and a relative path.
path_of(base, rel) := concat(".", [base, rel])

# container_security_value returns a container's securityContext field, or
# the pod-level value (the pod securityContext applies to every container).
container_security_value(c, field) := c.container.securityContext[field]

container_security_value(c, field) := input.resource.pod.spec.securityContext[field] if {
	not has_key(object.get(c.container, "securityContext", {}), field)
}

# has_key holds when obj has key k (whatever its value, false included).
has_key(obj, k) if _ = obj[k]

# namespace is the object's namespace; an object without one lands in the
# namespace of the kubectl context, which is usually "default".
namespace := ns if {
	ns := input.resource.namespace
	ns != ""
} else := "default"

# image_name and image_tag split an image reference; a digest pins it.
image_tag(image) := tag if {
	not contains(image, "@")
	parts := split(image, "/")
	last := parts[count(parts) - 1]
	contains(last, ":")
	tag := split(last, ":")[1]
}

image_pinned_by_digest(image) if contains(image, "@sha256:")
