# METADATA
# title: Role can run code in pods
# description: |
#   Creating a pod, or a controller that creates pods, lets a subject run any
#   image with any service account of the namespace (and with its token and
#   Secrets); exec and attach run commands inside pods that already hold
#   them. Either is the permissions of every workload in scope. Reported
#   for create on pods, deployments, statefulsets, daemonsets, replicasets,
#   replicationcontrollers, jobs and cronjobs, and for create or get on
#   pods/exec and pods/attach. Wildcards are reported by ONUS-K8S-032.
# related_resources:
#   - ref: https://kubernetes.io/docs/concepts/security/rbac-good-practices/#workload-creation
# custom:
#   id: ONUS-K8S-037
#   severity: medium
#   category: identity
#   layer: data-access
#   targets:
#     - kind: kubernetes
#       types: ["@role"]
#   controls:
#     cis-kubernetes: ["5.1.4"]
#     nsa-cisa-kubernetes: ["authorization/rbac"]
#     nist-800-53: ["AC-6"]
#   remediation: |
#     Grant workload creation only to the deployment pipeline's account, and
#     exec/attach only to on-call engineers through a time-bound role.
package onus.kubernetes.rbac_pod_exec

import data.onus.lib.kubernetes as k8s

workloads := [
	{"group": "", "resources": {"pods", "replicationcontrollers"}},
	{"group": "apps", "resources": {"deployments", "statefulsets", "daemonsets", "replicasets"}},
	{"group": "batch", "resources": {"jobs", "cronjobs"}},
]

deny contains {"msg": msg, "path": path} if {
	some r in k8s.rules
	some w in workloads
	k8s.grants(r.rule, w.group, {"create"}, w.resources)
	named := [x | some x in k8s.rule_list(r.rule, "resources"); x in w.resources]
	msg := sprintf("%s can create %s, and so run any code as any service account of its scope (rule %d)", [k8s.role_label, concat(", ", named), r.index])
	path := sprintf("rules[%d].resources", [r.index])
}

deny contains {"msg": msg, "path": path} if {
	some r in k8s.rules
	k8s.grants(r.rule, "", {"create", "get"}, {"pods/exec", "pods/attach"})
	named := [x | some x in k8s.rule_list(r.rule, "resources"); x in {"pods/exec", "pods/attach"}]
	msg := sprintf("%s grants %s, so its subjects run commands inside running pods (rule %d)", [k8s.role_label, concat(" and ", named), r.index])
	path := sprintf("rules[%d].resources", [r.index])
}
