# METADATA
# title: Long-running container has no liveness probe
# description: |
#   Without a liveness probe the kubelet restarts a container only when its
#   process exits. A deadlocked or wedged server keeps its pod Running and
#   keeps receiving its share of traffic until someone notices. Containers
#   of Jobs, CronJobs and run-to-completion pods (restartPolicy Never or
#   OnFailure) are not checked, nor are init and ephemeral containers.
# related_resources:
#   - ref: https://kubernetes.io/docs/tasks/configure-pod-container/configure-liveness-readiness-startup-probes/
# custom:
#   id: ONUS-K8S-025
#   severity: low
#   category: resilience
#   layer: application
#   targets:
#     - kind: kubernetes
#       types: ["Pod", "Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "ReplicationController"]
#   controls:
#     nist-800-53: ["CP-10", "SI-13"]
#   remediation: |
#     Add a `livenessProbe` that fails only when the process cannot recover
#     (an HTTP /healthz that does not check dependencies), with a generous
#     `failureThreshold`; add a `startupProbe` for slow starters.
package onus.kubernetes.liveness_probe

import data.onus.lib.kubernetes as k8s

deny contains {"msg": msg, "path": path} if {
	not object.get(k8s.pod.spec, "restartPolicy", "Always") in {"Never", "OnFailure"}
	some c in k8s.regular_containers
	not c.container.livenessProbe
	msg := sprintf("%s %q has no liveness probe", [c.kind, c.name])
	path := k8s.path_of(c.path, "livenessProbe")
}
