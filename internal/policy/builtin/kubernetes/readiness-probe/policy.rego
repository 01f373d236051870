# METADATA
# title: Serving container has no readiness probe
# description: |
#   A Service sends traffic to a pod as soon as its containers start unless
#   a readiness probe says otherwise: during start-up, during a rollout and
#   while a replica is overloaded, clients get errors. Only containers that
#   declare ports are checked, in long-running workloads; Jobs, CronJobs,
#   run-to-completion pods, init and ephemeral containers are not.
# related_resources:
#   - ref: https://kubernetes.io/docs/tasks/configure-pod-container/configure-liveness-readiness-startup-probes/
# custom:
#   id: ONUS-K8S-026
#   severity: low
#   category: resilience
#   layer: application
#   targets:
#     - kind: kubernetes
#       types: ["Pod", "Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "ReplicationController"]
#   controls:
#     nist-800-53: ["CP-10", "SI-13"]
#   remediation: |
#     Add a `readinessProbe` that succeeds only when the container can serve
#     requests (for example an HTTP /ready that checks its own dependencies).
package onus.kubernetes.readiness_probe

import data.onus.lib.kubernetes as k8s

deny contains {"msg": msg, "path": path} if {
	not object.get(k8s.pod.spec, "restartPolicy", "Always") in {"Never", "OnFailure"}
	some c in k8s.regular_containers
	count(object.get(c.container, "ports", [])) > 0
	not c.container.readinessProbe
	msg := sprintf("%s %q serves ports but has no readiness probe", [c.kind, c.name])
	path := k8s.path_of(c.path, "readinessProbe")
}
